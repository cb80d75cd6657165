package io.kervan.leads;

import java.time.Instant;
import java.util.UUID;

/** A lead row in lists and search results; {@code status} is the lower-case key. */
public record LeadSummary(UUID id, String firstName, String lastName, String companyName, String email,
        String phone, String source, String status, UUID ownerId, boolean archived, Instant createdAt,
        Instant firstResponseAt, Instant convertedAt, Instant updatedAt) {

    public String displayName() {
        return LeadRules.displayName(firstName, lastName, companyName);
    }

    public String statusBadge() {
        return LeadStatus.parse(status).map(LeadStatus::badgeClass).orElse("bg-secondary-lt");
    }
}
