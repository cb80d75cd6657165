package io.kervan.imports;

import java.util.Locale;

/**
 * Where an import job is; {@code UPLOADED} is a file waiting for its mapping in the UI, not yet a job.
 * {@code UNDOING} is a finished import whose undo is running in the background.
 */
public enum ImportStatus {
    UPLOADED, QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED, UNDOING, UNDONE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == UNDONE;
    }

    /** Whether the import itself has ended, so its problems are final: also while its undo runs. */
    public boolean importEnded() {
        return finished() || this == UNDOING;
    }
}
