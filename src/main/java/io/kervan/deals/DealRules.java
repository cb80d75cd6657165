package io.kervan.deals;

import io.kervan.shared.InputCheck;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.TurkishText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Validates and normalises a deal draft's shape; stage gates are the aggregate's ({@link Deal}). */
final class DealRules {

    static final BigDecimal MAX_VALUE = new BigDecimal("1000000000000000");
    static final int MAX_CONTACTS = 20;

    private DealRules() {
    }

    static DealDraft normalize(DealDraft draft) {
        InputCheck check = new InputCheck();
        String title = check.text("title", draft.title(), 200, true);
        BigDecimal value = value(check, "value", draft.value());
        String currency = currency(check, "currency", draft.currency());
        String source = check.text("source", draft.source(), 100, false);
        List<UUID> contacts = new ArrayList<>(new LinkedHashSet<>(
                draft.contactIds() == null ? List.of() : draft.contactIds().stream().filter(java.util.Objects::nonNull).toList()));
        if (contacts.size() > MAX_CONTACTS) {
            check.problem("contactIds", "validation.tooMany");
        }
        if (draft.expectedCloseDate() != null && (draft.expectedCloseDate().getYear() < 1900
                || draft.expectedCloseDate().getYear() > 9999)) {
            check.problem("expectedCloseDate", "deals.validation.date");
        }
        if (draft.nextStepAt() != null && (draft.nextStepAt().isBefore(java.time.Instant.parse("1900-01-01T00:00:00Z"))
                || draft.nextStepAt().isAfter(java.time.Instant.parse("9999-01-01T00:00:00Z")))) {
            check.problem("nextStepAt", "deals.validation.date");
        }
        check.throwIfInvalid();
        return new DealDraft(title, draft.pipelineId(), draft.stageId(), value, currency, draft.expectedCloseDate(),
                draft.companyId(), List.copyOf(contacts), draft.ownerId(),
                draft.visibleToTeam() == null || draft.visibleToTeam(), source, draft.nextStepAt());
    }

    static BigDecimal value(InputCheck check, String field, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(MAX_VALUE) >= 0 || value.scale() > 4)) {
            check.problem(field, value.signum() < 0 ? "validation.negative" : "validation.number");
            return null;
        }
        return value;
    }

    /** An ISO-4217 code known to Java; TRY when blank. */
    static String currency(InputCheck check, String field, String raw) {
        String code = check.currency(field, raw, "TRY");
        if (code != null) {
            try {
                Currency.getInstance(code);
            } catch (IllegalArgumentException e) {
                check.problem(field, "validation.currency");
                return null;
            }
        }
        return code;
    }

    static String searchText(DealDraft deal) {
        List<String> values = new ArrayList<>(List.of(deal.title()));
        values.add(deal.source());
        return SearchQuery.searchText(values);
    }

    static String sortTitle(DealDraft deal) {
        return TurkishText.sortKey(deal.title());
    }
}
