package io.kervan.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A deal as the user entered it, before validation. {@code pipelineId}/{@code stageId} {@code null}
 * mean the first pipeline and its first open stage; {@code ownerId} {@code null} means "me".
 */
public record DealDraft(String title, UUID pipelineId, UUID stageId, BigDecimal value, String currency,
        LocalDate expectedCloseDate, UUID companyId, List<UUID> contactIds, UUID ownerId, Boolean visibleToTeam,
        String source, Instant nextStepAt) {
}
