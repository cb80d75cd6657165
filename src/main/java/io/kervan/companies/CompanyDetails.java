package io.kervan.companies;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A stored company, as the module shows it to others. */
public record CompanyDetails(UUID id, String name, String sector, SizeBand sizeBand, BigDecimal annualRevenue,
        String revenueCurrency, String website, String email, String phone, String addressLine, String city,
        String country, String taxNumber, List<String> tags, String notes, UUID ownerId, boolean visibleToTeam,
        String externalSource, String externalId, Instant archivedAt, Instant createdAt, Instant updatedAt,
        UUID createdBy, UUID updatedBy, long version, Instant lastActivityAt) {

    public boolean archived() {
        return archivedAt != null;
    }

    /** The input that would produce this company again: the starting point of an edit or a merge patch. */
    public CompanyDraft toDraft() {
        return new CompanyDraft(name, sector, sizeBand, annualRevenue, revenueCurrency, website, email, phone,
                addressLine, city, country, taxNumber, tags, notes, ownerId, visibleToTeam);
    }
}
