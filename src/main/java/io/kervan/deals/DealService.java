package io.kervan.deals;

import io.kervan.companies.CompanyService;
import io.kervan.contacts.ContactService;
import io.kervan.identity.Visibility;
import io.kervan.identity.VisibilityScope;
import io.kervan.shared.ChangeSet;
import io.kervan.shared.Ids;
import io.kervan.shared.InputCheck;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Keyset;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordChanged;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import io.kervan.shared.records.PlannedFollowUps;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deals module's API. Visibility is the companies' rule: a deal the user may not see does not
 * exist for them (404), one they may see but not change is a 403. Stage moves, wins and losses go
 * through the {@link Deal} aggregate's rules and are recorded in the stage history.
 */
@Service
public class DealService {

    public static final String RECORD_TYPE = "deal";

    private final DealRepository deals;
    private final DealQueries queries;
    private final PipelineRepository pipelines;
    private final CompanyService companies;
    private final ContactService contacts;
    private final Visibility visibility;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DealLineItemRepository lineItems;
    private final List<PlannedFollowUps> followUps;

    DealService(DealRepository deals, DealQueries queries, PipelineRepository pipelines, CompanyService companies,
            ContactService contacts, Visibility visibility, ApplicationEventPublisher events, Clock clock,
            DealLineItemRepository lineItems, List<PlannedFollowUps> followUps) {
        this.deals = deals;
        this.followUps = followUps;
        this.lineItems = lineItems;
        this.queries = queries;
        this.pipelines = pipelines;
        this.companies = companies;
        this.contacts = contacts;
        this.visibility = visibility;
        this.events = events;
        this.clock = clock;
    }

    /** "Now" for deal rules (stage times, staleness), from the injectable clock. */
    public Instant now() {
        return clock.instant();
    }

    @Transactional(readOnly = true)
    public Slice<DealSummary> list(DealFilter filter, String sort, String cursor, Integer limit) {
        Keyset.Sort order = Keyset.parseSort(sort, DealQueries.SORTABLE, DealQueries.DEFAULT_SORT);
        Slice<DealSummary> page = queries.list(visibility.current(), filter, order, Keyset.Cursor.decode(cursor),
                Keyset.limit(limit), now());
        return new Slice<>(withCompanyNames(page.items()), page.nextCursor());
    }

    @Transactional(readOnly = true)
    public DealDetails get(UUID id) {
        return visible(visibility.current(), id);
    }

    @Transactional(readOnly = true)
    public boolean canEdit(DealDetails deal) {
        return visibility.current().canEdit(deal.ownerId());
    }

    @Transactional(readOnly = true)
    public boolean canCreate() {
        return visibility.current().canCreate();
    }

    @Transactional(readOnly = true)
    public List<StageMove> stageHistory(UUID id) {
        visible(visibility.current(), id);
        return deals.history(id);
    }

    @Transactional
    public DealDetails create(DealDraft draft) {
        VisibilityScope scope = visibility.current();
        if (!scope.canCreate()) {
            throw new NotAllowedException("Your role may not create deals");
        }
        DealDraft deal = DealRules.normalize(draft);
        UUID pipelineId = deal.pipelineId();
        if (pipelineId == null && deal.stageId() != null) {
            // A stage names its pipeline: the form offers the stages of every pipeline in one list.
            pipelineId = pipelines.findStage(deal.stageId()).map(StageView::pipelineId)
                    .orElseThrow(() -> new InvalidInputException("stageId", "deals.validation.stageNotInPipeline"));
        }
        PipelineView pipeline = pipelineFor(pipelineId);
        StageView stage = deal.stageId() == null
                ? pipeline.openStages().stream().findFirst().orElseThrow(
                        () -> new InvalidInputException("pipelineId", "deals.validation.noOpenStage"))
                : pipeline.stage(deal.stageId()).orElseThrow(
                        () -> new InvalidInputException("stageId", "deals.validation.stageNotInPipeline"));
        deal = new DealDraft(deal.title(), pipeline.id(), stage.id(), deal.value(), deal.currency(),
                deal.expectedCloseDate(), deal.companyId(), deal.contactIds(), deal.ownerId(), deal.visibleToTeam(),
                deal.source(), deal.nextStepAt());
        checkLinks(deal);
        UUID owner = owner(scope, deal.ownerId());
        Instant now = now();
        // A deal being created has nothing linked to it yet, so no follow-up can be planned.
        Deal.checkEntry(stage, gateValues(deal, 0, false), now);
        UUID id = Ids.newId();
        deals.insert(id, deal, stage.id(), owner, scope.userId(), now);
        deals.recordHistory(id, new Deal.Move(null, null, stage.id(), DealStatus.OPEN, now, 0), scope.userId());
        DealDetails created = deals.findById(id).orElseThrow();
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id, RecordChanged.Action.CREATED, scope.userId(),
                changes(null, created).changes()));
        return created;
    }

    /**
     * Updates the deal's fields. A different {@code stageId} in the draft is a stage move (or a
     * reopening) checked against the target stage's gate with the updated fields; the pipeline is fixed.
     */
    @Transactional
    public DealDetails update(UUID id, DealDraft draft, long expectedVersion) {
        VisibilityScope scope = visibility.current();
        DealDetails before = editable(scope, id);
        DealDraft deal = DealRules.normalize(draft);
        if (deal.pipelineId() != null && !deal.pipelineId().equals(before.pipelineId())) {
            throw new InvalidInputException("pipelineId", "deals.validation.pipelineFixed");
        }
        checkLinks(deal);
        UUID owner = deal.ownerId() == null ? before.ownerId() : owner(scope, deal.ownerId());
        Instant now = now();
        Deal.Move move = null;
        if (deal.stageId() != null && !deal.stageId().equals(before.stageId())) {
            StageView target = pipelines.findStage(deal.stageId())
                    .orElseThrow(() -> new InvalidInputException("stageId", "deals.validation.stageNotInPipeline"));
            move = Deal.of(before).moveTo(target,
                    gateValues(deal, lineItems.countByDeal(id), followUpPlanned(id, now)), now);
        }
        if (!deals.update(id, deal, owner, scope.userId(), expectedVersion, now)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        if (move != null && !deals.move(id, move, null, null, null, scope.userId(), expectedVersion + 1)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        return published(before, scope);
    }

    /** Moves the deal to an open stage of its pipeline, reopening it when it was won or lost. */
    @Transactional
    public DealDetails moveToStage(UUID id, UUID stageId, Long expectedVersion) {
        VisibilityScope scope = visibility.current();
        DealDetails before = editable(scope, id);
        if (stageId == null) {
            throw new InvalidInputException("stageId", "validation.required");
        }
        StageView target = pipelines.findStage(stageId)
                .orElseThrow(() -> new InvalidInputException("stageId", "deals.validation.stageNotInPipeline"));
        Instant now = now();
        Deal.Move move = Deal.of(before).moveTo(target,
                before.gateValues(lineItems.countByDeal(id), followUpPlanned(id, now)), now);
        if (move == null) {
            return before;
        }
        apply(before, move, null, null, null, scope, expectedVersion);
        return published(before, scope);
    }

    /** Marks the deal won; {@code value}, when given, becomes the deal's value first. */
    @Transactional
    public DealDetails win(UUID id, BigDecimal value, Long expectedVersion) {
        VisibilityScope scope = visibility.current();
        DealDetails before = editable(scope, id);
        InputCheck check = new InputCheck();
        BigDecimal newValue = DealRules.value(check, "value", value);
        check.throwIfInvalid();
        Deal.Move move = Deal.of(before).win(newValue != null ? newValue : before.value(), now());
        apply(before, move, newValue, null, null, scope, expectedVersion);
        return published(before, scope);
    }

    /** Marks the deal lost with a reason from the admin-defined list and an optional note. */
    @Transactional
    public DealDetails lose(UUID id, UUID reasonId, String note, Long expectedVersion) {
        VisibilityScope scope = visibility.current();
        DealDetails before = editable(scope, id);
        InputCheck check = new InputCheck();
        String cleanNote = check.text("note", note, 2000, false);
        LostReasonView reason = null;
        if (reasonId != null) {
            reason = pipelines.lostReason(reasonId).filter(r -> !r.archived()).orElse(null);
            if (reason == null) {
                check.problem("reasonId", "deals.validation.lostReason");
            }
        }
        check.throwIfInvalid();
        Deal.Move move = Deal.of(before).lose(reason, now());
        apply(before, move, null, reasonId, cleanNote, scope, expectedVersion);
        return published(before, scope);
    }

    @Transactional
    public DealDetails archive(UUID id, Long expectedVersion) {
        return setArchived(id, true, expectedVersion);
    }

    @Transactional
    public DealDetails unarchive(UUID id, Long expectedVersion) {
        return setArchived(id, false, expectedVersion);
    }

    /**
     * Notes an activity on the deal so it no longer counts as idle. For the activities module; no
     * visibility check, as the activity itself was already allowed.
     */
    @Transactional
    public void recordActivity(UUID id, Instant at) {
        deals.touchActivity(id, at);
    }

    private DealDetails setArchived(UUID id, boolean archived, Long expectedVersion) {
        VisibilityScope scope = visibility.current();
        DealDetails before = editable(scope, id);
        if (before.archived() == archived) {
            return before;
        }
        long version = expectedVersion == null ? before.version() : expectedVersion;
        if (!deals.setArchived(id, archived, scope.userId(), version, now())) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        events.publishEvent(RecordChanged.of(RECORD_TYPE, id,
                archived ? RecordChanged.Action.ARCHIVED : RecordChanged.Action.UNARCHIVED, scope.userId(), List.of()));
        return deals.findById(id).orElseThrow();
    }

    private void apply(DealDetails before, Deal.Move move, BigDecimal value, UUID reasonId, String note,
            VisibilityScope scope, Long expectedVersion) {
        long version = expectedVersion == null ? before.version() : expectedVersion;
        if (!deals.move(before.id(), move, value, reasonId, note, scope.userId(), version)) {
            throw new StaleVersionException(RECORD_TYPE, before.id());
        }
    }

    private DealDetails published(DealDetails before, VisibilityScope scope) {
        DealDetails after = deals.findById(before.id()).orElseThrow();
        ChangeSet changes = changes(before, after);
        if (!changes.isEmpty()) {
            events.publishEvent(RecordChanged.of(RECORD_TYPE, before.id(), RecordChanged.Action.UPDATED,
                    scope.userId(), changes.changes()));
        }
        return after;
    }

    private PipelineView pipelineFor(UUID pipelineId) {
        if (pipelineId == null) {
            return pipelines.findAll(false).stream().findFirst()
                    .orElseThrow(() -> new InvalidInputException("pipelineId", "validation.required"));
        }
        return pipelines.findById(pipelineId).filter(p -> !p.archived())
                .orElseThrow(() -> new InvalidInputException("pipelineId", "deals.validation.pipeline"));
    }

    /** The company and contacts must be ones the user may see. */
    private void checkLinks(DealDraft deal) {
        InputCheck check = new InputCheck();
        if (deal.companyId() != null && !companies.visibleNames(List.of(deal.companyId())).containsKey(deal.companyId())) {
            check.problem("companyId", "deals.validation.company");
        }
        if (!contacts.visibleNames(deal.contactIds()).keySet().containsAll(deal.contactIds())) {
            check.problem("contactIds", "deals.validation.contact");
        }
        check.throwIfInvalid();
    }

    private static Deal.GateValues gateValues(DealDraft d, int lineItems, boolean followUpPlanned) {
        return new Deal.GateValues(d.value(), d.currency(), d.expectedCloseDate(), d.companyId(), d.contactIds(),
                d.source(), followUpPlanned, lineItems);
    }

    /** Whether any module knows of a next step planned on the deal (an open task, a future meeting). */
    private boolean followUpPlanned(UUID id, Instant now) {
        RecordRef deal = new RecordRef(RecordType.DEAL, id);
        return followUps.stream().anyMatch(source -> source.hasPlannedFollowUp(deal, now));
    }

    List<DealSummary> withCompanyNames(List<DealSummary> items) {
        Set<UUID> ids = new HashSet<>();
        items.stream().map(DealSummary::companyId).filter(Objects::nonNull).forEach(ids::add);
        if (ids.isEmpty()) {
            return items;
        }
        Map<UUID, String> names = companies.visibleNames(ids);
        return items.stream().map(d -> d.companyId() == null ? d : d.withCompanyName(names.get(d.companyId())))
                .toList();
    }

    DealDetails visible(VisibilityScope scope, UUID id) {
        return deals.findById(id).filter(d -> scope.canView(d.ownerId(), d.visibleToTeam()))
                .orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
    }

    private DealDetails editable(VisibilityScope scope, UUID id) {
        DealDetails deal = visible(scope, id);
        if (!scope.canEdit(deal.ownerId())) {
            throw new NotAllowedException("You may see this deal but not change it");
        }
        return deal;
    }

    private UUID owner(VisibilityScope scope, UUID requested) {
        UUID owner = requested == null ? scope.userId() : requested;
        if (!visibility.mayAssignTo(scope, owner)) {
            throw new InvalidInputException("ownerId", "validation.owner");
        }
        return owner;
    }

    /** Field changes for the audit history; stages and lost reasons by name, as a reader knows them. */
    private ChangeSet changes(DealDetails b, DealDetails a) {
        return DealChanges.between(b, a, this::stageName, this::reasonName);
    }

    private String stageName(UUID stageId) {
        return pipelines.findStage(stageId).map(StageView::name).orElse(String.valueOf(stageId));
    }

    private String reasonName(UUID reasonId) {
        return pipelines.lostReason(reasonId).map(LostReasonView::name).orElse(null);
    }
}
