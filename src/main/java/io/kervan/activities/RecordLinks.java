package io.kervan.activities;

import io.kervan.shared.InvalidInputException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.records.LinkableRecords;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The records of other modules, reached only through the {@link LinkableRecords} each of them provides. */
@Component
class RecordLinks {

    private final Map<RecordType, LinkableRecords> byType = new EnumMap<>(RecordType.class);
    private final List<LinkableRecords> all;

    RecordLinks(List<LinkableRecords> modules) {
        this.all = List.copyOf(modules);
        modules.forEach(module -> byType.put(module.type(), module));
    }

    /** The record as the signed-in user may see it; empty when missing, hidden or of a type no module serves. */
    Optional<LinkedRecord> findVisible(RecordRef ref) {
        LinkableRecords module = byType.get(ref.type());
        return module == null ? Optional.empty() : module.findVisible(ref.id());
    }

    /** @throws RecordNotFoundException when the signed-in user may not see the record */
    LinkedRecord visible(RecordRef ref) {
        return findVisible(ref).orElseThrow(() -> new RecordNotFoundException(ref.type().apiName(), ref.id()));
    }

    /** Every link must name a record the signed-in user may see; the first one that does not is a 400. */
    void checkVisible(Collection<RecordRef> links) {
        for (RecordRef link : links) {
            if (findVisible(link).isEmpty()) {
                throw new InvalidInputException("links", "activity.validation.link");
            }
        }
    }

    /** Names of records, without a visibility check (callers show only records they were allowed to see). */
    Map<RecordRef, LinkedRecord> describe(Collection<RecordRef> refs) {
        Map<RecordRef, LinkedRecord> described = new HashMap<>();
        Map<RecordType, List<UUID>> ids = new EnumMap<>(RecordType.class);
        refs.forEach(ref -> ids.computeIfAbsent(ref.type(), t -> new java.util.ArrayList<>()).add(ref.id()));
        ids.forEach((type, typeIds) -> {
            LinkableRecords module = byType.get(type);
            if (module != null) {
                module.describe(typeIds).values().forEach(record -> described.put(record.ref(), record));
            }
        });
        return described;
    }

    /** The records whose activities also belong on {@code parent}'s timeline (a company's contacts and deals). */
    List<RecordRef> childrenOf(RecordRef parent, int limit) {
        return all.stream().flatMap(module -> module.childrenOf(parent, limit).stream()).toList();
    }
}
