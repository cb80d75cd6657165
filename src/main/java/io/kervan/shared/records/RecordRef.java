package io.kervan.shared.records;

import java.util.Objects;
import java.util.UUID;

/** A reference to one record of any kind, e.g. the deal or contact an activity belongs to. */
public record RecordRef(RecordType type, UUID id) {

    public RecordRef {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    public static RecordRef of(String apiName, UUID id) {
        return new RecordRef(RecordType.fromApiName(apiName), id);
    }

    public String pagePath() {
        return type.pagePath(id);
    }
}
