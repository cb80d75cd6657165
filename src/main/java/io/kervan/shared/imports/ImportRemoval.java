package io.kervan.shared.imports;

/** What became of a record an import created when the import was undone. */
public enum ImportRemoval {
    /** Deleted. */
    DELETED,
    /** Kept: changed since the import wrote it (its version moved on). */
    CHANGED_SINCE,
    /** Already gone, or no longer visible to the user undoing. */
    GONE,
    /** Kept: the user undoing may see it but not change it. */
    NOT_ALLOWED
}
