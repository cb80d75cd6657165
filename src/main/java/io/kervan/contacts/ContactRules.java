package io.kervan.contacts;

import io.kervan.shared.InputCheck;
import io.kervan.shared.SearchQuery;
import io.kervan.shared.TurkishText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Validates and normalises a contact draft: e-mails lower-cased, phones to E.164, blank list entries
 * dropped, duplicate e-mails and phones merged, exactly one primary company when there are links.
 */
final class ContactRules {

    static final int MAX_EMAILS = 10;
    static final int MAX_PHONES = 10;
    static final int MAX_COMPANIES = 20;

    private ContactRules() {
    }

    /**
     * The cleaned draft; throws {@link io.kervan.shared.InvalidInputException} listing every problem.
     *
     * @param companyAllowed whether a company may be linked (it exists and the user may see it)
     */
    static ContactDraft normalize(ContactDraft draft, Predicate<UUID> companyAllowed) {
        InputCheck check = new InputCheck();
        String firstName = check.text("firstName", draft.firstName(), 100, true);
        String lastName = check.text("lastName", draft.lastName(), 100, false);
        String title = check.text("title", draft.title(), 150, false);
        List<String> emails = values(check, "emails", draft.emails(), MAX_EMAILS, check::email);
        List<String> phones = values(check, "phones", draft.phones(), MAX_PHONES, check::phone);
        List<ContactDraft.CompanyLink> companies = companies(check, draft.companies(), companyAllowed);
        String address = check.text("addressLine", draft.addressLine(), 300, false);
        String city = check.text("city", draft.city(), 100, false);
        String country = check.text("country", draft.country(), 100, false);
        List<String> tags = check.tags("tags", draft.tags(), 20);
        String notes = check.text("notes", draft.notes(), 10_000, false);
        check.throwIfInvalid();
        return new ContactDraft(firstName, lastName, title, emails, phones, companies, address, city, country, tags,
                notes, draft.ownerId(), draft.visibleToTeam() == null || draft.visibleToTeam());
    }

    /** Ids of the companies a draft links to, or none when there are too many links to be valid anyway. */
    static List<UUID> requestedCompanies(ContactDraft draft) {
        if (draft.companies() == null) {
            return List.of();
        }
        List<UUID> ids = draft.companies().stream().filter(Objects::nonNull).map(ContactDraft.CompanyLink::companyId)
                .filter(Objects::nonNull).distinct().toList();
        return ids.size() > MAX_COMPANIES ? List.of() : ids;
    }

    private interface Normalizer {
        String apply(String field, String value);
    }

    /** Non-blank values, each cleaned (a problem names its position, {@code emails[1]}), duplicates merged. */
    private static List<String> values(InputCheck check, String field, List<String> raw, int max, Normalizer normalizer) {
        if (raw == null) {
            return List.of();
        }
        if (raw.stream().filter(v -> v != null && !v.isBlank()).count() > max) {
            check.problem(field, "validation.tooMany");
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String value = raw.get(i);
            if (value != null && !value.isBlank()) {
                String cleaned = normalizer.apply(field + "[" + i + "]", value);
                if (cleaned != null) {
                    values.add(cleaned);
                }
            }
        }
        return List.copyOf(values);
    }

    private static List<ContactDraft.CompanyLink> companies(InputCheck check, List<ContactDraft.CompanyLink> raw,
            Predicate<UUID> companyAllowed) {
        if (raw == null) {
            return List.of();
        }
        if (raw.stream().filter(Objects::nonNull).count() > MAX_COMPANIES) {
            check.problem("companies", "validation.tooMany");
            return List.of();
        }
        List<ContactDraft.CompanyLink> links = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        int primaries = 0;
        for (int i = 0; i < raw.size(); i++) {
            ContactDraft.CompanyLink link = raw.get(i);
            if (link == null) {
                continue;
            }
            String field = "companies[" + i + "]";
            String role = check.text(field + ".role", link.role(), 100, false);
            UUID companyId = link.companyId();
            if (companyId == null) {
                check.problem(field + ".companyId", "validation.required");
            } else if (!seen.add(companyId)) {
                check.problem(field + ".companyId", "validation.duplicateCompany");
            } else if (!companyAllowed.test(companyId)) {
                check.problem(field + ".companyId", "validation.company.unknown");
            }
            primaries += link.isPrimary() ? 1 : 0;
            links.add(new ContactDraft.CompanyLink(companyId, role, link.isPrimary()));
        }
        if (primaries > 1) {
            check.problem("companies", "validation.primaryCompany");
        }
        if (primaries == 0 && !links.isEmpty()) {
            ContactDraft.CompanyLink first = links.get(0);
            links.set(0, new ContactDraft.CompanyLink(first.companyId(), first.role(), true));
        }
        return List.copyOf(links);
    }

    /** Folded names, e-mails, every phone form, city, title, tags and the names of the linked companies. */
    static String searchText(ContactDraft contact, Collection<String> companyNames) {
        List<String> values = new ArrayList<>();
        values.add(contact.firstName());
        values.add(contact.lastName());
        values.addAll(contact.emails());
        contact.phones().forEach(phone -> values.addAll(SearchQuery.phoneForms(phone)));
        values.add(contact.city());
        values.add(contact.title());
        values.addAll(contact.tags());
        values.addAll(companyNames);
        return SearchQuery.searchText(values);
    }

    static String sortName(ContactDraft contact) {
        return TurkishText.sortKey(contact.lastName() == null ? contact.firstName()
                : contact.firstName() + " " + contact.lastName());
    }
}
