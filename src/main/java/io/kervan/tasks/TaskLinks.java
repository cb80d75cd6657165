package io.kervan.tasks;

import io.kervan.shared.InvalidInputException;
import io.kervan.shared.records.LinkableRecords;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The records tasks link to, through each record module's {@link LinkableRecords}: whether the
 * signed-in user may see them (and so link to them), and their names.
 */
@Component
class TaskLinks {

    private final Map<RecordType, LinkableRecords> byType = new EnumMap<>(RecordType.class);

    TaskLinks(List<LinkableRecords> records) {
        records.forEach(r -> byType.put(r.type(), r));
    }

    /** The record as the signed-in user sees it; empty when hidden, missing or of a type nobody describes. */
    Optional<LinkedRecord> findVisible(RecordRef ref) {
        LinkableRecords records = byType.get(ref.type());
        return records == null ? Optional.empty() : records.findVisible(ref.id());
    }

    /** Refuses links to records the user may not see (or that do not exist), as a field error. */
    void requireVisible(Collection<RecordRef> links) {
        for (RecordRef link : links) {
            if (findVisible(link).isEmpty()) {
                throw new InvalidInputException("links", "tasks.validation.link");
            }
        }
    }

    /** The links the signed-in user may see, with their names, in the given order. */
    Map<RecordRef, LinkedRecord> visible(Collection<RecordRef> links) {
        Map<RecordRef, LinkedRecord> result = new LinkedHashMap<>();
        for (RecordRef link : links) {
            findVisible(link).ifPresent(record -> result.put(link, record));
        }
        return result;
    }

    /** Names of records without a visibility check, for background work (e-mails to the assignee). */
    Map<UUID, LinkedRecord> describe(RecordType type, Collection<UUID> ids) {
        LinkableRecords records = byType.get(type);
        return records == null || ids.isEmpty() ? Map.of() : records.describe(ids);
    }
}
