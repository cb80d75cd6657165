package io.kervan.activities;

import java.time.Instant;

/**
 * The benchmark data generator's door to the activities module's rules (see
 * {@code BenchCompanyColumns}): a generated activity is normalised (type-dependent fields, a note's
 * HTML through the safelist) exactly as when a user logs it.
 */
public final class BenchActivityColumns {

    private BenchActivityColumns() {
    }

    public static ActivityDraft normalize(ActivityDraft draft, Instant loggedAt) {
        return ActivityRules.normalize(draft, loggedAt);
    }
}
