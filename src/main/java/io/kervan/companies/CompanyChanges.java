package io.kervan.companies;

import io.kervan.shared.ChangeSet;
import java.math.BigDecimal;
import java.util.List;

/**
 * A company's field changes for the audit history: the same for a company changed alone ({@link CompanyService})
 * and for one of an import's batch ({@link CompanyBatchWriter}).
 */
final class CompanyChanges {

    private static final CompanyDraft NOTHING = new CompanyDraft(null, null, null, null, null, null, null, null,
            null, null, null, null, List.of(), null, null, null);

    private CompanyChanges() {
    }

    /** @param b the company before, {@code null} when it was created; {@code a} as stored after */
    static ChangeSet between(CompanyDraft b, CompanyDraft a) {
        if (b == null) {
            b = NOTHING;
        }
        return new ChangeSet()
                .compare("name", b.name(), a.name())
                .compare("sector", b.sector(), a.sector())
                .compare("sizeBand", b.sizeBand(), a.sizeBand())
                .compare("annualRevenue", plain(b.annualRevenue()), plain(a.annualRevenue()))
                .compare("revenueCurrency", b.revenueCurrency(), a.revenueCurrency())
                .compare("website", b.website(), a.website())
                .compare("email", b.email(), a.email())
                .compare("phone", b.phone(), a.phone())
                .compare("addressLine", b.addressLine(), a.addressLine())
                .compare("city", b.city(), a.city())
                .compare("country", b.country(), a.country())
                .compare("taxNumber", b.taxNumber(), a.taxNumber())
                .compare("tags", b.tags(), a.tags())
                .compare("notes", b.notes(), a.notes())
                .compare("ownerId", b.ownerId(), a.ownerId())
                .compare("visibleToTeam", b.visibleToTeam(), a.visibleToTeam());
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
