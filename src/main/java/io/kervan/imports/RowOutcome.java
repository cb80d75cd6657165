package io.kervan.imports;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * How one row ended.
 *
 * @param matchKey the row's normalised key, kept so that a repeat later in the file is found even after a restart
 * @param before the updated record's state before the import (its module's draft as JSON), for undo
 */
record RowOutcome(long rowNumber, Outcome outcome, UUID recordId, Long recordVersion, String matchKey, String before,
        List<RowValues.Problem> problems) {

    enum Outcome {
        CREATED, UPDATED, SKIPPED, FAILED;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static RowOutcome failed(long row, List<RowValues.Problem> problems) {
        return new RowOutcome(row, Outcome.FAILED, null, null, null, null, problems);
    }

    static RowOutcome failed(long row, String message) {
        return failed(row, List.of(new RowValues.Problem(null, null, message)));
    }

    static RowOutcome skipped(long row, String matchKey, String message) {
        return new RowOutcome(row, Outcome.SKIPPED, null, null, null, null,
                List.of(new RowValues.Problem(null, null, message)));
    }
}
