package io.kervan.shared;

import java.util.function.Supplier;

/**
 * What made the changes of the current thread when it was not a person at a form: an import
 * ({@code import:<id>}), a sync … {@link RecordChanged#of} takes it into every event, so the audit
 * trail can say "created by the import".
 */
public final class ChangeOrigin {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ChangeOrigin() {
    }

    /** The origin of the current thread's changes, {@code null} for a person's own edits. */
    public static String current() {
        return CURRENT.get();
    }

    public static <T> T during(String origin, Supplier<T> work) {
        String outer = CURRENT.get();
        CURRENT.set(origin);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
