package io.kervan.deals;

import io.kervan.shared.BusinessRuleException;
import io.kervan.shared.FieldProblem;
import io.kervan.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The deal aggregate's rules for moving through a pipeline: the gate of the target stage, winning
 * (value &gt; 0) and losing (a reason). Each allowed transition yields a {@link Move} for the stage history.
 */
final class Deal {

    /**
     * The deal fields a stage gate looks at.
     *
     * @param followUpPlanned whether a next step is planned: an open task or a future meeting linked
     *        to the deal (asked of every {@link io.kervan.shared.records.PlannedFollowUps})
     */
    record GateValues(BigDecimal value, String currency, LocalDate expectedCloseDate, UUID companyId,
            List<UUID> contactIds, String source, boolean followUpPlanned, int lineItems) {
    }

    /** One transition: from where, to where, when, and how long the deal had stayed where it was. */
    record Move(UUID fromStageId, DealStatus fromStatus, UUID toStageId, DealStatus toStatus, Instant at,
            long secondsInPrevious) {
    }

    /** The field named when a stage requires a planned next step ({@code requiresNextActivity}). */
    static final String NEXT_ACTIVITY = "nextActivity";

    private final UUID pipelineId;
    private final UUID stageId;
    private final DealStatus status;
    private final Instant stageEnteredAt;

    Deal(UUID pipelineId, UUID stageId, DealStatus status, Instant stageEnteredAt) {
        this.pipelineId = pipelineId;
        this.stageId = stageId;
        this.status = status;
        this.stageEnteredAt = stageEnteredAt;
    }

    static Deal of(DealDetails deal) {
        return new Deal(deal.pipelineId(), deal.stageId(), deal.status(), deal.stageEnteredAt());
    }

    /**
     * Moves an open deal to another open stage, or reopens a won/lost deal into one; {@code null} when the
     * deal is already open in that stage. {@code values} are the deal's fields after the change.
     *
     * @throws BusinessRuleException listing the missing fields when the target stage's gate is not met
     */
    Move moveTo(StageView target, GateValues values, Instant now) {
        if (!target.pipelineId().equals(pipelineId)) {
            throw new InvalidInputException("stageId", "deals.validation.stageNotInPipeline");
        }
        if (status == DealStatus.OPEN && target.id().equals(stageId)) {
            return null;
        }
        if (target.retired()) {
            throw new BusinessRuleException("Stage '" + target.name() + "' is retired and accepts no deals",
                    List.of(new FieldProblem("stageId", "deals.rule.stageRetired")));
        }
        List<String> missing = missingFor(target, values, now);
        if (!missing.isEmpty()) {
            throw new BusinessRuleException("Stage '" + target.name() + "' requires: " + String.join(", ", missing),
                    missing.stream().map(f -> new FieldProblem(f, f.equals(NEXT_ACTIVITY)
                            ? "deals.rule.nextActivityRequired" : "deals.rule.requiredByStage")).toList());
        }
        return move(target.id(), DealStatus.OPEN, now);
    }

    /** The gate check of a stage a deal is created in. */
    static void checkEntry(StageView stage, GateValues values, Instant now) {
        new Deal(stage.pipelineId(), null, DealStatus.OPEN, now).moveTo(stage, values, now);
    }

    /** Closes an open deal as won; {@code value} is the deal's value after the change. */
    Move win(BigDecimal value, Instant now) {
        requireOpen();
        if (value == null || value.signum() <= 0) {
            throw new BusinessRuleException("A won deal needs a value greater than zero",
                    List.of(new FieldProblem("value", "deals.rule.wonNeedsValue")));
        }
        return move(stageId, DealStatus.WON, now);
    }

    /** Closes an open deal as lost; a reason is required, a note optional. */
    Move lose(LostReasonView reason, Instant now) {
        requireOpen();
        if (reason == null) {
            throw new BusinessRuleException("A lost deal needs a lost reason",
                    List.of(new FieldProblem("reasonId", "deals.rule.lostNeedsReason")));
        }
        return move(stageId, DealStatus.LOST, now);
    }

    /** Fields the stage requires that {@code values} lacks, in the stage's order. */
    static List<String> missingFor(StageView stage, GateValues values, Instant now) {
        List<String> missing = new ArrayList<>();
        for (RequiredField field : stage.requiredFields()) {
            boolean filled = switch (field) {
                case VALUE -> values.value() != null && values.value().signum() > 0;
                case CURRENCY -> values.currency() != null;
                case EXPECTED_CLOSE_DATE -> values.expectedCloseDate() != null;
                case COMPANY_ID -> values.companyId() != null;
                case CONTACT_IDS -> values.contactIds() != null && !values.contactIds().isEmpty();
                case SOURCE -> values.source() != null && !values.source().isBlank();
                case LINE_ITEMS -> values.lineItems() > 0;
            };
            if (!filled) {
                missing.add(field.key());
            }
        }
        if (stage.requiresNextActivity() && !values.followUpPlanned()) {
            missing.add(NEXT_ACTIVITY);
        }
        return missing;
    }

    private void requireOpen() {
        if (status != DealStatus.OPEN) {
            throw new BusinessRuleException("The deal is already closed; reopen it by moving it to an open stage",
                    List.of(new FieldProblem("status", "deals.rule.alreadyClosed")));
        }
    }

    private Move move(UUID toStage, DealStatus toStatus, Instant now) {
        long seconds = stageEnteredAt == null ? 0 : Math.max(0, Duration.between(stageEnteredAt, now).getSeconds());
        return new Move(stageId, stageId == null ? null : status, toStage, toStatus, now, seconds);
    }
}
