package io.kervan.imports;

import java.util.List;

/**
 * A record field an import column can fill.
 *
 * @param headers lower-case, Turkish-folded header names (English and Turkish) that suggest this field
 * @param alternatives other fields that satisfy this one's being required (a full name for a first name)
 */
record ImportField(String name, Kind kind, boolean required, List<String> headers, List<String> alternatives) {

    enum Kind { TEXT, DECIMAL, DATE, INTEGER, BOOLEAN, LIST }

    static ImportField text(String name, String... headers) {
        return new ImportField(name, Kind.TEXT, false, List.of(headers), List.of());
    }

    static ImportField of(String name, Kind kind, String... headers) {
        return new ImportField(name, kind, false, List.of(headers), List.of());
    }

    ImportField mandatory() {
        return new ImportField(name, kind, true, headers, alternatives);
    }

    ImportField orInstead(String... others) {
        return new ImportField(name, kind, required, headers, List.of(others));
    }
}
