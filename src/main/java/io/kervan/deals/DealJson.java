package io.kervan.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The deal's JSON shapes on the REST API. */
final class DealJson {

    private DealJson() {
    }

    /**
     * Body of create and (after merging) patch. {@code status} is read only so that a patch naming it
     * gets a clear error: stage and status change through the action endpoints.
     */
    record Input(String title, UUID pipelineId, UUID stageId, String status, BigDecimal value, String currency,
            LocalDate expectedCloseDate, UUID companyId, List<UUID> contactIds, UUID ownerId, Boolean visibleToTeam,
            String source, Instant nextStepAt) {

        DealDraft toDraft() {
            return new DealDraft(title, pipelineId, stageId, value, currency, expectedCloseDate, companyId,
                    contactIds, ownerId, visibleToTeam, source, nextStepAt);
        }

        static Input of(DealDetails d) {
            return new Input(d.title(), d.pipelineId(), d.stageId(), d.status().key(), d.value(), d.currency(),
                    d.expectedCloseDate(), d.companyId(), d.contactIds(), d.ownerId(), d.visibleToTeam(), d.source(),
                    d.nextStepAt());
        }
    }

    record Resource(UUID id, String title, UUID pipelineId, UUID stageId, String status, BigDecimal value,
            String currency, LocalDate expectedCloseDate, UUID companyId, List<UUID> contactIds, UUID ownerId,
            boolean visibleToTeam, String source, UUID lostReasonId, String lostNote, Instant nextStepAt,
            Instant lastActivityAt, Instant stageEnteredAt, Instant closedAt, boolean stale, boolean archived,
            Instant createdAt, Instant updatedAt, long version) {

        static Resource of(DealDetails d, Instant now) {
            return new Resource(d.id(), d.title(), d.pipelineId(), d.stageId(), d.status().key(), d.value(),
                    d.currency(), d.expectedCloseDate(), d.companyId(), d.contactIds(), d.ownerId(), d.visibleToTeam(),
                    d.source(), d.lostReasonId(), d.lostNote(), d.nextStepAt(), d.lastActivityAt(),
                    d.stageEnteredAt(), d.closedAt(), d.staleAt(now), d.archived(), d.createdAt(), d.updatedAt(),
                    d.version());
        }
    }

    record Page<T>(List<T> items, String nextCursor) {
    }

    record StageChange(UUID stageId) {
    }

    record Won(BigDecimal value) {
    }

    record Lost(UUID reasonId, String note) {
    }

    record HistoryEntry(UUID id, UUID fromStageId, String fromStatus, UUID toStageId, String toStatus,
            Instant movedAt, UUID movedBy, Long secondsInPrevious) {

        static HistoryEntry of(StageMove m) {
            return new HistoryEntry(m.id(), m.fromStageId(), m.fromStatus() == null ? null : m.fromStatus().key(),
                    m.toStageId(), m.toStatus().key(), m.movedAt(), m.movedBy(), m.secondsInPrevious());
        }
    }
}
