package io.kervan.leads;

import io.kervan.shared.InputCheck;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.TurkishText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Validates and normalises a lead draft: e-mail lower-cased, phone to E.164, a known source, a known
 * status, a reason when disqualified, and a name or a company name.
 */
final class LeadRules {

    private LeadRules() {
    }

    /**
     * The cleaned draft; throws {@link io.kervan.shared.InvalidInputException} listing every problem.
     *
     * @param sourceAllowed whether a source key may be used (it exists and is active, or the lead already had it)
     */
    static LeadDraft normalize(LeadDraft draft, Predicate<String> sourceAllowed) {
        InputCheck check = new InputCheck();
        String firstName = check.text("firstName", draft.firstName(), 100, false);
        String lastName = check.text("lastName", draft.lastName(), 100, false);
        String companyName = check.text("companyName", draft.companyName(), 200, false);
        String title = check.text("title", draft.title(), 150, false);
        String email = check.email("email", draft.email());
        String phone = check.phone("phone", draft.phone());
        String source = check.text("source", draft.source(), 50, false);
        if (source != null && !sourceAllowed.test(source)) {
            check.problem("source", "leads.validation.source");
            source = null;
        }
        LeadStatus status = LeadStatus.NEW;
        if (draft.status() != null && !draft.status().isBlank()) {
            status = LeadStatus.parse(draft.status()).orElse(null);
            if (status == null) {
                check.problem("status", "leads.validation.status");
            }
        }
        String reason = check.text("disqualifiedReason", draft.disqualifiedReason(), 1000, false);
        if (status == LeadStatus.DISQUALIFIED && blank(draft.disqualifiedReason())) {
            check.problem("disqualifiedReason", "leads.validation.reasonRequired");
        }
        String notes = check.text("notes", draft.notes(), 10_000, false);
        if (firstName == null && lastName == null && companyName == null
                && blank(draft.firstName()) && blank(draft.lastName()) && blank(draft.companyName())) {
            check.problem("firstName", "leads.validation.nameOrCompany");
        }
        check.throwIfInvalid();
        return new LeadDraft(firstName, lastName, companyName, title, email, phone, source,
                status.key(), status == LeadStatus.DISQUALIFIED ? reason : null, notes, draft.ownerId(),
                draft.visibleToTeam() == null || draft.visibleToTeam());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static String displayName(String firstName, String lastName, String companyName) {
        String person = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return person.isEmpty() ? companyName : person;
    }

    static String searchText(LeadDraft lead) {
        List<String> values = new ArrayList<>();
        values.add(lead.firstName());
        values.add(lead.lastName());
        values.add(lead.companyName());
        values.add(lead.email());
        values.addAll(SearchQuery.phoneForms(lead.phone()));
        values.add(lead.title());
        return SearchQuery.searchText(values);
    }

    static String sortName(LeadDraft lead) {
        return TurkishText.sortKey(displayName(lead.firstName(), lead.lastName(), lead.companyName()));
    }
}
