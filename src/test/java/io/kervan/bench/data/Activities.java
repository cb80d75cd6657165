package io.kervan.bench.data;

import io.kervan.activities.ActivityDraft;
import io.kervan.activities.BenchActivityColumns;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Calls, e-mails, notes, meetings and WhatsApp messages on contacts (with their company) and deals,
 * normalised by the activities module's rules. Afterwards each linked record's
 * {@code last_activity_at} is set as the record modules do on {@code ActivityLogged} — the latest
 * "at" of its activities, where "at" is when it happened, or when it was logged for a future meeting
 * — and deals' {@code stale_at} is recomputed with the deals module's formula.
 */
final class Activities implements DataPart {

    private static final String COLUMNS = "id, type, subject, body, occurred_at, direction, outcome, "
            + "duration_seconds, start_at, end_at, location, attendee_ids, owner_id, created_at, updated_at, "
            + "created_by, updated_by, version";
    private static final List<String> CALL_NOTES = List.of("Teklif hakkında konuşuldu.", "Geri aranacak.",
            "Fiyat listesi istendi.", "Asked for a demo next week.", "Discussed the renewal terms.",
            "Satın alma onayı bekleniyor.");
    private static final List<String> SUBJECTS = List.of("Teklif", "Toplantı notları", "Fiyat güncellemesi",
            "Sözleşme taslağı", "Follow-up", "Demo", "Sipariş durumu", "Quarterly review");
    private static final List<String> OUTCOMES = List.of("reached", "noAnswer", "busy", "reached", "reached");

    @Override
    public String name() {
        return "activities";
    }

    @Override
    public List<String> tables() {
        return List.of("activities", "activity_links");
    }

    @Override
    public void write(GenerationContext context) throws Exception {
        int count = context.settings.activities();
        Random random = context.random;
        CopyBuffer activities = new CopyBuffer("activities", COLUMNS);
        CopyBuffer links = new CopyBuffer("activity_links", "activity_id, record_type, record_id, position");
        for (int i = 0; i < count; i++) {
            List<RecordRef> refs = new ArrayList<>();
            if (context.dealIds.length > 0 && random.nextInt(10) < 3) {
                refs.add(new RecordRef(RecordType.DEAL, context.dealIds[random.nextInt(context.dealIds.length)]));
            } else if (context.contactIds.length > 0) {
                int contact = random.nextInt(context.contactIds.length);
                refs.add(new RecordRef(RecordType.CONTACT, context.contactIds[contact]));
                if (context.contactCompany[contact] >= 0 && random.nextBoolean()) {
                    refs.add(new RecordRef(RecordType.COMPANY, context.companyIds[context.contactCompany[contact]]));
                }
            } else {
                continue;
            }
            int roll = random.nextInt(100);
            String type = roll < 35 ? "call" : roll < 60 ? "email" : roll < 75 ? "note" : roll < 90 ? "meeting"
                    : "whatsapp";
            Instant occurred = context.pastInstant();
            Instant logged = occurred.plusSeconds(random.nextInt(3_600));
            if (type.equals("meeting") && random.nextInt(20) == 0) {
                logged = context.reference.minus(Duration.ofDays(random.nextInt(7)));
                occurred = context.reference.plus(Duration.ofHours(1 + random.nextInt(24 * 30)));
            }
            if (logged.isAfter(context.reference)) {
                logged = context.reference;
            }
            String text = NamePools.pick(random, CALL_NOTES);
            ActivityDraft draft = BenchActivityColumns.normalize(new ActivityDraft(type,
                    type.equals("email") || type.equals("meeting") ? NamePools.pick(random, SUBJECTS) : null,
                    type.equals("note") ? "<p>" + text + "</p>" : text, occurred,
                    random.nextInt(3) == 0 ? "inbound" : "outbound",
                    type.equals("call") ? NamePools.pick(random, OUTCOMES) : null,
                    type.equals("call") ? 30 + random.nextInt(1_200) : null,
                    type.equals("meeting") ? occurred : null,
                    type.equals("meeting") ? occurred.plus(Duration.ofMinutes(30 + 30L * random.nextInt(4))) : null,
                    type.equals("meeting") ? NamePools.pick(random, NamePools.CITIES_TR) : null, List.of(), refs),
                    logged);
            GenerationContext.User owner = context.randomOwner();
            UUID id = context.ids.at(logged);
            activities.add(id).add(draft.type()).add(draft.subject()).add(draft.body()).add(draft.occurredAt())
                    .add(draft.direction()).add(draft.outcome()).add(draft.durationSeconds()).add(draft.startAt())
                    .add(draft.endAt()).add(draft.location()).add(List.of()).add(owner.id()).add(logged).add(logged)
                    .add(owner.id()).add(owner.id()).add(0).endRow();
            for (int p = 0; p < draft.links().size(); p++) {
                links.add(id).add(draft.links().get(p).type().apiName()).add(draft.links().get(p).id()).add(p)
                        .endRow();
            }
            if (activities.pendingChars() > GenerationContext.FLUSH_CHARS) {
                activities.flush(context.connection);
                links.flush(context.connection);
            }
        }
        activities.flush(context.connection);
        links.flush(context.connection);
        touchRecords(context);
    }

    /** last_activity_at as ContactActivities, CompanyActivities and DealActivities keep it; deals' stale_at too. */
    private static void touchRecords(GenerationContext context) throws Exception {
        try (Statement statement = context.connection.createStatement()) {
            statement.execute("""
                    create temporary table bench_touch as
                    select l.record_type, l.record_id, max(least(a.occurred_at, a.created_at)) as at
                      from activity_links l join activities a on a.id = l.activity_id
                     group by l.record_type, l.record_id""");
            statement.execute("""
                    update contacts c set last_activity_at = t.at from bench_touch t
                     where t.record_type = 'contact' and t.record_id = c.id""");
            statement.execute("""
                    update companies c set last_activity_at = t.at from bench_touch t
                     where t.record_type = 'company' and t.record_id = c.id""");
            // DealRepository.touchActivity: last_activity_at, then stale_at with STALE_AT.
            statement.execute("""
                    update deals d set last_activity_at = t.at,
                           stale_at = least(d.stage_entered_at, coalesce(t.at, d.stage_entered_at))
                                      + make_interval(days => (select s.rotting_days from pipeline_stages s
                                                               where s.id = d.stage_id))
                      from bench_touch t
                     where t.record_type = 'deal' and t.record_id = d.id""");
            statement.execute("drop table bench_touch");
        }
    }
}
