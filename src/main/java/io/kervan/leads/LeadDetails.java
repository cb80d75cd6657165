package io.kervan.leads;

import java.time.Instant;
import java.util.UUID;

/** A stored lead, as the module shows it to others. */
public record LeadDetails(UUID id, String firstName, String lastName, String companyName, String title,
        String email, String phone, String source, LeadStatus status, String disqualifiedReason, String notes,
        UUID ownerId, boolean visibleToTeam, Instant firstResponseAt, Instant convertedAt, UUID convertedContactId,
        UUID convertedCompanyId, UUID convertedDealId, String externalSource, String externalId, Instant archivedAt,
        Instant createdAt, Instant updatedAt, UUID createdBy, UUID updatedBy, long version,
        Instant lastActivityAt) {

    public boolean archived() {
        return archivedAt != null;
    }

    public boolean converted() {
        return convertedAt != null;
    }

    /** The person's name as typed, or the company name for a lead without one. */
    public String displayName() {
        return LeadRules.displayName(firstName, lastName, companyName);
    }

    /** The input that would produce this lead again: the starting point of an edit or a merge patch. */
    public LeadDraft toDraft() {
        return new LeadDraft(firstName, lastName, companyName, title, email, phone, source, status.key(),
                disqualifiedReason, notes, ownerId, visibleToTeam);
    }
}
