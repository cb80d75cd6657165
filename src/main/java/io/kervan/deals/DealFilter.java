package io.kervan.deals;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * What a deal list or board is narrowed to. {@code ownerIds} (members of a chosen team) and
 * {@code ownerId} combine; {@code closeMonth} matches the expected close date's month.
 */
public record DealFilter(String query, UUID pipelineId, UUID stageId, UUID ownerId, List<UUID> ownerIds,
        DealStatus status, boolean staleOnly, YearMonth closeMonth, boolean includeArchived) {

    public static DealFilter none() {
        return new DealFilter(null, null, null, null, null, null, false, null, false);
    }

    DealFilter withPipeline(UUID pipeline) {
        return new DealFilter(query, pipeline, stageId, ownerId, ownerIds, status, staleOnly, closeMonth,
                includeArchived);
    }
}
