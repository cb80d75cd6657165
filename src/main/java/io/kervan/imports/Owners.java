package io.kervan.imports;

import java.util.UUID;

/** Resolves the {@code owner} field (a user's e-mail or name) of a row. */
final class Owners {

    private Owners() {
    }

    /** The owner's id, {@code null} when the row names none (or an unknown one, recorded as a problem). */
    static UUID owner(RowValues values, ImportContext context) {
        String owner = values.text("owner");
        if (owner == null) {
            return null;
        }
        return context.owner(owner).orElseGet(() -> {
            values.problem("owner", owner, "import.value.owner");
            return null;
        });
    }
}
