package io.kervan.companies;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The company's JSON shapes on the REST API. */
final class CompanyJson {

    private CompanyJson() {
    }

    /** Request body of create, upsert and (after merging) patch. Unknown fields are refused. */
    record Input(String name, String sector, SizeBand sizeBand, BigDecimal annualRevenue, String revenueCurrency,
            String website, String email, String phone, String addressLine, String city, String country,
            String taxNumber, List<String> tags, String notes, UUID ownerId, Boolean visibleToTeam) {

        CompanyDraft toDraft() {
            return new CompanyDraft(name, sector, sizeBand, annualRevenue, revenueCurrency, website, email, phone,
                    addressLine, city, country, taxNumber, tags, notes, ownerId, visibleToTeam);
        }

        static Input of(CompanyDetails c) {
            return new Input(c.name(), c.sector(), c.sizeBand(), c.annualRevenue(), c.revenueCurrency(), c.website(),
                    c.email(), c.phone(), c.addressLine(), c.city(), c.country(), c.taxNumber(), c.tags(), c.notes(),
                    c.ownerId(), c.visibleToTeam());
        }
    }

    record Resource(UUID id, String name, String sector, SizeBand sizeBand, BigDecimal annualRevenue,
            String revenueCurrency, String website, String email, String phone, String addressLine, String city,
            String country, String taxNumber, List<String> tags, String notes, UUID ownerId, boolean visibleToTeam,
            String externalSource, String externalId, boolean archived, Instant archivedAt, Instant createdAt,
            Instant updatedAt, long version, Instant lastActivityAt) {

        static Resource of(CompanyDetails c) {
            return new Resource(c.id(), c.name(), c.sector(), c.sizeBand(), c.annualRevenue(), c.revenueCurrency(),
                    c.website(), c.email(), c.phone(), c.addressLine(), c.city(), c.country(), c.taxNumber(), c.tags(),
                    c.notes(), c.ownerId(), c.visibleToTeam(), c.externalSource(), c.externalId(), c.archived(),
                    c.archivedAt(), c.createdAt(), c.updatedAt(), c.version(), c.lastActivityAt());
        }
    }

    record Page(List<CompanySummary> items, String nextCursor) {
    }
}
