package io.kervan.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects field-level differences between two versions of a record, for {@link RecordChanged}. */
public final class ChangeSet {

    private final List<RecordChanged.FieldChange> changes = new ArrayList<>();

    public ChangeSet compare(String field, Object before, Object after) {
        String oldValue = render(before);
        String newValue = render(after);
        if (!Objects.equals(oldValue, newValue)) {
            changes.add(new RecordChanged.FieldChange(field, oldValue, newValue));
        }
        return this;
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public List<RecordChanged.FieldChange> changes() {
        return List.copyOf(changes);
    }

    private static String render(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.isEmpty() ? null : String.join(", ", c.stream().map(String::valueOf).toList());
        }
        String text = value.toString();
        return text.isEmpty() ? null : text;
    }
}
