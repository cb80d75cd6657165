package io.kervan.deals;

import io.kervan.companies.CompanyService;
import io.kervan.contacts.ContactService;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.RecordsChanged;
import io.kervan.shared.imports.BatchResult;
import io.kervan.shared.imports.ImportMatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Creates many deals with the rules of {@link DealService#create} followed by {@link DealService#win} or
 * {@link DealService#lose} — visibility, owner, the first stage's gate, a won deal's value, a lost deal's
 * reason — but with the batch's lookups shared (pipelines, companies, owners, reasons) and its writes done
 * together ({@link DealBatchRepository}) with one {@link RecordsChanged} event. A deal closed by the import
 * is stored closed, dated as given, with its two stage moves. Each item the rules refuse is answered with the
 * refusal, the others are written.
 */
@Component
class DealBatchWriter {

    private final DealBatchRepository batches;
    private final PipelineRepository pipelines;
    private final CompanyService companies;
    private final ContactService contacts;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DealBatchWriter(DealBatchRepository batches, PipelineRepository pipelines, CompanyService companies,
            ContactService contacts, Visibility visibility, ApplicationEventPublisher events, Clock clock) {
        this.batches = batches;
        this.pipelines = pipelines;
        this.companies = companies;
        this.contacts = contacts;
        this.visibility = visibility;
        this.events = events;
        this.clock = clock;
    }

    List<BatchResult> create(List<DealImports.NewDeal> items) {
        Lookups lookups = new Lookups(visibility.current(), clock.instant(), companies.visibleNames(items.stream()
                .map(i -> i.draft().companyId()).filter(Objects::nonNull).collect(java.util.stream.Collectors.toSet())));
        BatchResult[] results = new BatchResult[items.size()];
        List<DealBatchRepository.NewDeal> writes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                writes.add(checked(items.get(i), lookups));
                positions.add(i);
            } catch (InvalidInputException | NotAllowedException | BusinessRuleException | RecordNotFoundException e) {
                results[i] = BatchResult.refused(e);
            }
        }
        UUID actor = lookups.scope.userId();
        batches.insertAll(writes, actor, lookups.now);
        List<RecordChanged> changes = new ArrayList<>(writes.size());
        for (int w = 0; w < writes.size(); w++) {
            DealBatchRepository.NewDeal written = writes.get(w);
            results[positions.get(w)] = BatchResult.written(new ImportMatch(written.id(), 0));
            changes.add(RecordChanged.of(DealService.RECORD_TYPE, written.id(), RecordChanged.Action.CREATED, actor,
                    DealChanges.between(null, details(written, actor, lookups.now), lookups::stageName,
                            lookups::reasonName).changes()));
        }
        if (!changes.isEmpty()) {
            events.publishEvent(new RecordsChanged(changes));
        }
        return List.of(results);
    }

    /** The deal as it will be written, after the checks {@link DealService} makes one deal and one call at a time. */
    private DealBatchRepository.NewDeal checked(DealImports.NewDeal item, Lookups lookups) {
        VisibilityScope scope = lookups.scope;
        if (!scope.canCreate()) {
            throw new NotAllowedException("Your role may not create deals");
        }
        DealDraft deal = DealRules.normalize(item.draft());
        PipelineView pipeline = lookups.pipeline(deal.pipelineId(), deal.stageId());
        StageView stage = deal.stageId() == null
                ? pipeline.openStages().stream().findFirst().orElseThrow(
                        () -> new InvalidInputException("pipelineId", "deals.validation.noOpenStage"))
                : pipeline.stage(deal.stageId()).orElseThrow(
                        () -> new InvalidInputException("stageId", "deals.validation.stageNotInPipeline"));
        deal = new DealDraft(deal.title(), pipeline.id(), stage.id(), deal.value(), deal.currency(),
                deal.expectedCloseDate(), deal.companyId(), deal.contactIds(), lookups.owner(deal.ownerId()),
                deal.visibleToTeam(), deal.source(), deal.nextStepAt());
        lookups.checkLinks(deal);
        Instant openedAt = item.openedAt() == null ? lookups.now : item.openedAt();
        // A deal being created has nothing linked to it yet, so no follow-up can be planned.
        Deal.checkEntry(stage, new Deal.GateValues(deal.value(), deal.currency(), deal.expectedCloseDate(),
                deal.companyId(), deal.contactIds(), deal.source(), false, 0), lookups.now);
        Deal.Move opening = new Deal.Move(null, null, stage.id(), DealStatus.OPEN, openedAt, 0);
        Deal opened = new Deal(pipeline.id(), stage.id(), DealStatus.OPEN, openedAt);
        Instant closedAt = item.closedAt() == null ? lookups.now : item.closedAt();
        Deal.Move closing = switch (item.status()) {
            case OPEN -> null;
            case WON -> opened.win(deal.value(), closedAt);
            case LOST -> opened.lose(lookups.reason(item.lostReasonId()), closedAt);
        };
        UUID reasonId = item.status() == DealStatus.LOST ? item.lostReasonId() : null;
        Instant entered = closing == null ? openedAt : closedAt;
        return new DealBatchRepository.NewDeal(Ids.newId(), deal, deal.ownerId(), item.status(), reasonId, opening,
                closing, entered.plus(Duration.ofDays(stage.rottingDays())));
    }

    /** The deal as stored after the write, for the change history (without the bookkeeping columns). */
    private static DealDetails details(DealBatchRepository.NewDeal n, UUID actor, Instant now) {
        DealDraft d = n.deal();
        return new DealDetails(n.id(), d.title(), d.pipelineId(), d.stageId(), n.status(), d.value(), d.currency(),
                d.expectedCloseDate(), d.companyId(), d.contactIds(), n.ownerId(), d.visibleToTeam(), d.source(),
                n.lostReasonId(), null, d.nextStepAt(), null, n.stageEnteredAt(),
                n.closing() == null ? null : n.closing().at(), n.staleAt(), null, n.opening().at(), now, actor, actor, 0);
    }

    /** What a batch looks up once: the user's scope, "now", and the pipelines, owners and reasons its deals name. */
    private final class Lookups {

        private final VisibilityScope scope;
        private final Instant now;
        private final Map<UUID, String> visibleCompanies;
        private final Map<UUID, Optional<PipelineView>> pipelinesById = new HashMap<>();
        private final Map<UUID, Optional<StageView>> stagesById = new HashMap<>();
        private final Map<UUID, Boolean> assignable = new HashMap<>();
        private final Map<UUID, Optional<LostReasonView>> reasons = new HashMap<>();
        private final Set<UUID> visibleContacts = new HashSet<>();
        private PipelineView first;

        Lookups(VisibilityScope scope, Instant now, Map<UUID, String> visibleCompanies) {
            this.scope = scope;
            this.now = now;
            this.visibleCompanies = visibleCompanies;
        }

        /** As {@link DealService#create}: the pipeline named, else the stage's, else the first one. */
        PipelineView pipeline(UUID pipelineId, UUID stageId) {
            UUID id = pipelineId;
            if (id == null && stageId != null) {
                // A stage names its pipeline: the form offers the stages of every pipeline in one list.
                id = stage(stageId).map(StageView::pipelineId)
                        .orElseThrow(() -> new InvalidInputException("stageId", "deals.validation.stageNotInPipeline"));
            }
            if (id == null) {
                if (first == null) {
                    first = pipelines.findAll(false).stream().findFirst()
                            .orElseThrow(() -> new InvalidInputException("pipelineId", "validation.required"));
                }
                return first;
            }
            return pipelinesById.computeIfAbsent(id, pipelines::findById).filter(p -> !p.archived())
                    .orElseThrow(() -> new InvalidInputException("pipelineId", "deals.validation.pipeline"));
        }

        private Optional<StageView> stage(UUID stageId) {
            return stagesById.computeIfAbsent(stageId, pipelines::findStage);
        }

        String stageName(UUID stageId) {
            return stage(stageId).map(StageView::name).orElse(String.valueOf(stageId));
        }

        String reasonName(UUID reasonId) {
            return reasons.computeIfAbsent(reasonId, pipelines::lostReason).map(LostReasonView::name).orElse(null);
        }

        /** As {@link DealService#lose}: a reason given must be one of the list, not archived. */
        LostReasonView reason(UUID reasonId) {
            if (reasonId == null) {
                return null;
            }
            return reasons.computeIfAbsent(reasonId, pipelines::lostReason).filter(r -> !r.archived())
                    .orElseThrow(() -> new InvalidInputException("reasonId", "deals.validation.lostReason"));
        }

        UUID owner(UUID requested) {
            UUID owner = requested == null ? scope.userId() : requested;
            if (!assignable.computeIfAbsent(owner, o -> visibility.mayAssignTo(scope, o))) {
                throw new InvalidInputException("ownerId", "validation.owner");
            }
            return owner;
        }

        /** The company and contacts must be ones the user may see. */
        void checkLinks(DealDraft deal) {
            if (deal.companyId() != null && !visibleCompanies.containsKey(deal.companyId())) {
                throw new InvalidInputException("companyId", "deals.validation.company");
            }
            List<UUID> unchecked = deal.contactIds().stream().filter(id -> !visibleContacts.contains(id)).toList();
            if (!unchecked.isEmpty()) {
                Set<UUID> visible = contacts.visibleNames(unchecked).keySet();
                if (!visible.containsAll(unchecked)) {
                    throw new InvalidInputException("contactIds", "deals.validation.contact");
                }
                visibleContacts.addAll(visible);
            }
        }
    }
}
