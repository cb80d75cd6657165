package io.kervan.companies;

/**
 * The benchmark data generator's door to the companies module's own derivation rules: a generated
 * company is normalised and its {@code search_text} / {@code sort_name} computed by the very code the
 * app runs on create, so bulk-loaded rows are indistinguishable from rows written through the API.
 * Lives in the test tree, in this package, because those rules are package-private on purpose.
 */
public final class BenchCompanyColumns {

    private BenchCompanyColumns() {
    }

    /** The cleaned draft; throws {@link io.kervan.shared.InvalidInputException} as the API would. */
    public static CompanyDraft normalize(CompanyDraft draft) {
        return CompanyRules.normalize(draft);
    }

    public static String searchText(CompanyDraft normalized) {
        return CompanyRules.searchText(normalized);
    }

    public static String sortName(CompanyDraft normalized) {
        return CompanyRules.sortName(normalized);
    }
}
