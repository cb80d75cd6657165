package io.kervan.companies;

import io.kervan.shared.InputCheck;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.TurkishText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Validates and normalises a company draft: phone to E.164, e-mail lower-cased, tax number digits. */
final class CompanyRules {

    static final BigDecimal MAX_REVENUE = new BigDecimal("1000000000000000");

    private CompanyRules() {
    }

    /** The cleaned draft; throws {@link io.kervan.shared.InvalidInputException} listing every problem. */
    static CompanyDraft normalize(CompanyDraft draft) {
        InputCheck check = new InputCheck();
        String name = check.text("name", draft.name(), 200, true);
        String sector = check.text("sector", draft.sector(), 100, false);
        BigDecimal revenue = draft.annualRevenue();
        if (revenue != null && (revenue.signum() < 0 || revenue.compareTo(MAX_REVENUE) >= 0)) {
            check.problem("annualRevenue", revenue.signum() < 0 ? "validation.negative" : "validation.number");
        }
        String currency = check.currency("revenueCurrency", draft.revenueCurrency(), revenue == null ? null : "TRY");
        String website = check.website("website", draft.website());
        String email = check.email("email", draft.email());
        String phone = check.phone("phone", draft.phone());
        String address = check.text("addressLine", draft.addressLine(), 300, false);
        String city = check.text("city", draft.city(), 100, false);
        String country = check.text("country", draft.country(), 100, false);
        String taxNumber = taxNumber(check, draft.taxNumber());
        List<String> tags = check.tags("tags", draft.tags(), 20);
        String notes = check.text("notes", draft.notes(), 10_000, false);
        check.throwIfInvalid();
        return new CompanyDraft(name, sector, draft.sizeBand(), revenue, currency, website, email, phone, address,
                city, country, taxNumber, tags, notes, draft.ownerId(),
                draft.visibleToTeam() == null || draft.visibleToTeam());
    }

    /** VKN has 10 digits; a sole trader may use a TCKN of 11. Spaces and dashes are dropped. */
    private static String taxNumber(InputCheck check, String raw) {
        String cleaned = check.text("taxNumber", raw, 20, false);
        if (cleaned == null) {
            return null;
        }
        String digits = cleaned.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{10,11}")) {
            check.problem("taxNumber", "validation.taxNumber");
            return null;
        }
        return digits;
    }

    static String searchText(CompanyDraft company) {
        List<String> values = new ArrayList<>(List.of(company.name()));
        values.add(company.email());
        values.addAll(SearchQuery.phoneForms(company.phone()));
        values.add(company.city());
        values.add(company.taxNumber());
        values.add(company.website() == null ? null : company.website().replaceFirst("(?i)^https?://(www\\.)?", ""));
        values.add(company.sector());
        values.addAll(company.tags());
        return SearchQuery.searchText(values);
    }

    static String sortName(CompanyDraft company) {
        return TurkishText.sortKey(company.name());
    }
}
