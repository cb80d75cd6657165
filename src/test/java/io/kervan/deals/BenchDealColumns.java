package io.kervan.deals;

/**
 * The benchmark data generator's door to the deals module's derivation rules (see
 * {@code BenchCompanyColumns}). {@code stale_at} is computed in the generator with the same formula as
 * {@code DealRepository.STALE_AT}: least(stage_entered_at, coalesce(last_activity_at, stage_entered_at))
 * plus the stage's rotting days.
 */
public final class BenchDealColumns {

    private BenchDealColumns() {
    }

    public static DealDraft normalize(DealDraft draft) {
        return DealRules.normalize(draft);
    }

    public static String searchText(DealDraft normalized) {
        return DealRules.searchText(normalized);
    }

    public static String sortTitle(DealDraft normalized) {
        return DealRules.sortTitle(normalized);
    }
}
