package io.kervan.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A deal row in lists, search results and on kanban cards; {@code companyName} only when the reader may see it. */
public record DealSummary(UUID id, String title, UUID pipelineId, UUID stageId, String status, BigDecimal value,
        String currency, LocalDate expectedCloseDate, UUID companyId, String companyName, UUID ownerId,
        int probability, Instant stageEnteredAt, Instant lastActivityAt, boolean stale, boolean archived,
        Instant createdAt, Instant updatedAt) {

    DealSummary withCompanyName(String name) {
        return new DealSummary(id, title, pipelineId, stageId, status, value, currency, expectedCloseDate, companyId,
                name, ownerId, probability, stageEnteredAt, lastActivityAt, stale, archived, createdAt, updatedAt);
    }

    /** Whole days the deal has been in its stage (or closed) at {@code now}. */
    public long daysInStage(Instant now) {
        return Math.max(0, java.time.Duration.between(stageEnteredAt, now).toDays());
    }
}
