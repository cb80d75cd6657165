package io.kervan.deals;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a deal's stage history. {@code fromStageId} is {@code null} for the deal's creation;
 * {@code secondsInPrevious} is how long the deal had stayed in the previous stage (or status).
 */
public record StageMove(UUID id, UUID fromStageId, String fromStageName, String fromStageNameTr,
        DealStatus fromStatus, UUID toStageId, String toStageName, String toStageNameTr, DealStatus toStatus,
        Instant movedAt, UUID movedBy, Long secondsInPrevious) {

    public String fromLabel() {
        return fromStageId == null ? null : Labels.pick(fromStageName, fromStageNameTr);
    }

    public String toLabel() {
        return Labels.pick(toStageName, toStageNameTr);
    }

    /** The time in the previous stage for display, e.g. "3 d 4 h"; {@code null} for the creation. */
    public String timeInPrevious() {
        return secondsInPrevious == null ? null : DealDurations.format(secondsInPrevious);
    }
}
