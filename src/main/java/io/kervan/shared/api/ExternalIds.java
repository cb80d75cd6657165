package io.kervan.shared.api;

import io.kervan.shared.InputCheck;

/** Checks the {@code {source}/{externalId}} pair of an upsert URL: short, printable, not blank. */
public final class ExternalIds {

    private ExternalIds() {
    }

    public static void check(String source, String externalId) {
        InputCheck check = new InputCheck();
        if (check.text("source", source, 50, true) != null && !source.matches("[A-Za-z0-9._-]+")) {
            check.problem("source", "validation.type");
        }
        check.text("externalId", externalId, 200, true);
        check.throwIfInvalid();
    }
}
