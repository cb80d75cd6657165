package io.kervan.bench.data;

import io.kervan.deals.BenchDealColumns;
import io.kervan.deals.DealDraft;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Deals over the three pipelines, each with the stage history it would have had: created in the
 * first stage, moved forward a stage at a time, and for about half of them won or lost at the end.
 * {@code stage_entered_at}, {@code closed_at} and {@code stale_at} follow the deals module's rules
 * (see {@code BenchDealColumns}); search text and sort title come from its own code.
 */
final class Deals implements DataPart {

    private static final String COLUMNS = "id, title, pipeline_id, stage_id, status, value, currency, "
            + "expected_close_date, company_id, source, lost_reason_id, next_step_at, last_activity_at, "
            + "stage_entered_at, closed_at, stale_at, owner_id, visible_to_team, search_text, sort_title, created_at, "
            + "updated_at, created_by, updated_by, version";
    private static final String HISTORY_COLUMNS = "id, deal_id, from_stage_id, from_status, to_stage_id, to_status, "
            + "moved_at, moved_by, seconds_in_previous";

    @Override
    public String name() {
        return "deals";
    }

    @Override
    public List<String> tables() {
        return List.of("deals", "deal_contacts", "deal_stage_history");
    }

    @Override
    public void write(GenerationContext context) throws Exception {
        int count = context.settings.deals();
        Random random = context.random;
        List<UUID> pipelines = context.stages.stream().map(GenerationContext.Stage::pipelineId).distinct().toList();
        context.dealIds = new UUID[count];
        context.dealOwners = new UUID[count];
        CopyBuffer deals = new CopyBuffer("deals", COLUMNS);
        CopyBuffer contacts = new CopyBuffer("deal_contacts", "deal_id, contact_id, position");
        CopyBuffer history = new CopyBuffer("deal_stage_history", HISTORY_COLUMNS);
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            UUID pipelineId = pipelines.get(roll < 60 || pipelines.size() == 1 ? 0 : roll < 85 || pipelines.size() == 2 ? 1 : 2);
            List<GenerationContext.Stage> stages = context.stages.stream()
                    .filter(s -> s.pipelineId().equals(pipelineId)).toList();
            GenerationContext.User owner = context.randomOwner();
            Instant created = context.pastInstant();
            UUID id = context.ids.at(created);
            int companyIndex = context.companyIds.length > 0 && random.nextInt(10) != 0
                    ? random.nextInt(context.companyIds.length) : -1;
            Set<UUID> dealContacts = new LinkedHashSet<>();
            for (int c = 0, n = context.contactIds.length == 0 ? 0 : 1 + random.nextInt(2); c < n; c++) {
                dealContacts.add(context.contactIds[random.nextInt(context.contactIds.length)]);
            }
            String companyShort = companyIndex < 0 ? NamePools.pick(random, NamePools.TURKISH_LAST)
                    : shortName(context.companyNames[companyIndex]);
            String currency = random.nextInt(10) < 7 ? "TRY" : random.nextBoolean() ? "EUR" : "USD";
            BigDecimal value = random.nextInt(8) == 0 ? null : BigDecimal.valueOf(1_000L + random.nextInt(5_000_000));
            LocalDate closeDate = LocalDate.ofInstant(created, ZoneOffset.UTC).plusDays(15 + random.nextInt(180));

            // Walk the stages: each move a few days after the previous, never after the reference date.
            int target = random.nextInt(stages.size());
            int statusRoll = random.nextInt(100);
            String status = statusRoll < 55 ? "open" : statusRoll < 80 ? "won" : "lost";
            Instant at = created;
            history.add(context.ids.at(at)).add(id).add(null).add(null).add(stages.get(0).id()).add("open").add(at)
                    .add(owner.id()).add(null).endRow();
            int reached = 0;
            for (int s = 1; s <= target; s++) {
                Instant next = at.plus(Duration.ofHours(12 + random.nextInt(24 * 25)));
                if (next.isAfter(context.reference)) {
                    break;
                }
                history.add(context.ids.at(next)).add(id).add(stages.get(s - 1).id()).add("open")
                        .add(stages.get(s).id()).add("open").add(next).add(owner.id())
                        .add(Duration.between(at, next).toSeconds()).endRow();
                at = next;
                reached = s;
            }
            GenerationContext.Stage stage = stages.get(reached);
            Instant closedAt = null;
            if (!status.equals("open")) {
                Instant close = at.plus(Duration.ofHours(12 + random.nextInt(24 * 20)));
                if (close.isAfter(context.reference)) {
                    status = "open";
                } else {
                    history.add(context.ids.at(close)).add(id).add(stage.id()).add("open").add(stage.id())
                            .add(status).add(close).add(owner.id()).add(Duration.between(at, close).toSeconds())
                            .endRow();
                    at = close;
                    closedAt = close;
                }
            }
            if (value == null && stage.position() >= 2) {
                value = BigDecimal.valueOf(1_000L + random.nextInt(5_000_000)); // the Proposal stage requires it
            }
            Instant stageEntered = at;
            Instant nextStep = status.equals("open") && random.nextBoolean()
                    ? context.reference.plus(Duration.ofHours(random.nextInt(24 * 30))) : null;
            DealDraft draft = BenchDealColumns.normalize(new DealDraft(
                    NamePools.pick(random, NamePools.DEAL_PRODUCTS) + " – " + companyShort, pipelineId, stage.id(),
                    value, currency, closeDate, companyIndex < 0 ? null : context.companyIds[companyIndex],
                    List.copyOf(dealContacts), owner.id(), random.nextInt(10) != 0,
                    NamePools.pick(random, NamePools.DEAL_SOURCES), nextStep));
            // stale_at as DealRepository.STALE_AT: least(entered, coalesce(last activity, entered)) + rotting days.
            Instant staleAt = stageEntered.plus(Duration.ofDays(stage.rottingDays()));
            deals.add(id).add(draft.title()).add(pipelineId).add(stage.id()).add(status).add(draft.value())
                    .add(draft.currency()).add(draft.expectedCloseDate()).add(draft.companyId()).add(draft.source())
                    .add(status.equals("lost") ? NamePools.pick(random, context.lostReasons) : null)
                    .add(draft.nextStepAt()).add(null).add(stageEntered).add(closedAt).add(staleAt).add(owner.id())
                    .add(draft.visibleToTeam()).add(BenchDealColumns.searchText(draft))
                    .add(BenchDealColumns.sortTitle(draft)).add(created).add(at).add(owner.id()).add(owner.id())
                    .add(0).endRow();
            int position = 0;
            for (UUID contact : draft.contactIds()) {
                contacts.add(id).add(contact).add(position++).endRow();
            }
            context.dealIds[i] = id;
            context.dealOwners[i] = owner.id();
            context.maybeSample("deal", id, owner.id(), count, 2_000);
            if (deals.pendingChars() > GenerationContext.FLUSH_CHARS) {
                deals.flush(context.connection);
                contacts.flush(context.connection);
                history.flush(context.connection);
            }
        }
        deals.flush(context.connection);
        contacts.flush(context.connection);
        history.flush(context.connection);
    }

    /** "Öztürk Anadolu Gıda A.Ş." → "Öztürk Anadolu": how people name a deal after its customer. */
    private static String shortName(String companyName) {
        List<String> words = new ArrayList<>(List.of(companyName.split(" ")));
        return String.join(" ", words.subList(0, Math.min(2, words.size())));
    }
}
