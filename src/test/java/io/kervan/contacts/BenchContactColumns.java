package io.kervan.contacts;

import java.util.Collection;

/**
 * The benchmark data generator's door to the contacts module's derivation rules (see
 * {@code BenchCompanyColumns}): normalisation (e-mails lower-cased, phones to E.164) and the derived
 * {@code search_text} (which includes the linked companies' names), {@code sort_name} and the list columns.
 */
public final class BenchContactColumns {

    private BenchContactColumns() {
    }

    /** The cleaned draft; every linked company is taken as allowed (the generator made them). */
    public static ContactDraft normalize(ContactDraft draft) {
        return ContactRules.normalize(draft, companyId -> true);
    }

    public static String searchText(ContactDraft normalized, Collection<String> companyNames) {
        return ContactRules.searchText(normalized, companyNames);
    }

    public static String sortName(ContactDraft normalized) {
        return ContactRules.sortName(normalized);
    }

    /** The first e-mail, the first phone and the primary company's id, as the contact row keeps them (V0090). */
    public static Object[] listColumns(ContactDraft normalized) {
        ContactListColumns columns = ContactListColumns.of(normalized);
        return new Object[] {columns.firstEmail(), columns.firstPhone(), columns.primaryCompanyId()};
    }
}
