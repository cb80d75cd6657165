package io.kervan.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A stored deal. {@code stageId} is the current open stage, or for a won or lost deal the stage it was
 * closed from. {@code lastActivityAt} is set by the activities module once it exists.
 */
public record DealDetails(UUID id, String title, UUID pipelineId, UUID stageId, DealStatus status, BigDecimal value,
        String currency, LocalDate expectedCloseDate, UUID companyId, List<UUID> contactIds, UUID ownerId,
        boolean visibleToTeam, String source, UUID lostReasonId, String lostNote, Instant nextStepAt,
        Instant lastActivityAt, Instant stageEnteredAt, Instant closedAt, Instant staleAt, Instant archivedAt,
        Instant createdAt, Instant updatedAt, UUID createdBy, UUID updatedBy, long version) {

    public boolean archived() {
        return archivedAt != null;
    }

    public boolean open() {
        return status == DealStatus.OPEN;
    }

    /** Whether the deal is open and has outstayed its stage's rotting days (or had no activity that long). */
    public boolean staleAt(Instant now) {
        return open() && staleAt.isBefore(now);
    }

    public DealDraft toDraft() {
        return new DealDraft(title, pipelineId, stageId, value, currency, expectedCloseDate, companyId, contactIds,
                ownerId, visibleToTeam, source, nextStepAt);
    }

    Deal.GateValues gateValues(int lineItems, boolean followUpPlanned) {
        return new Deal.GateValues(value, currency, expectedCloseDate, companyId, contactIds, source, followUpPlanned,
                lineItems);
    }
}
