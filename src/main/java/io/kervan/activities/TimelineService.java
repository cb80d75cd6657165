package io.kervan.activities;

import io.kervan.identity.UserService;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.records.LinkedRecord;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.TimelineEntry;
import io.kervan.shared.records.TimelineQuery;
import io.kervan.shared.records.TimelineSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a record's timeline from every {@link TimelineSource} (activities, tasks, stage changes,
 * audit events): asks each for one page below the cursor, merges them newest first and cuts the
 * page. Activities and tasks of a record's children (a company's contacts and deals) are included;
 * stage changes and audit events only of the record itself.
 */
@Service
public class TimelineService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** The most children (contacts, deals) whose activities a company's timeline includes. */
    static final int CHILD_LIMIT = 200;
    static final Set<String> KINDS = Set.of("activity", "task", "stageChange", "event");
    /** Kinds of entries that a record's children contribute to its timeline. */
    private static final Set<String> WITH_CHILDREN = Set.of("activity", "task");

    private final List<TimelineSource> sources;
    private final ActivityTimelineSource activitySource;
    private final RecordLinks records;
    private final UserService users;

    TimelineService(List<TimelineSource> sources, ActivityTimelineSource activitySource, RecordLinks records,
            UserService users) {
        this.sources = sources;
        this.activitySource = activitySource;
        this.records = records;
        this.users = users;
    }

    /** One timeline entry with the names a reader needs: who did it, and which record it is about. */
    public record Item(TimelineEntry entry, String actorName, String aboutLabel, boolean aboutThisRecord) {
    }

    public record Page(LinkedRecord record, List<Item> items, String nextCursor) {
    }

    /**
     * One page of the record's timeline.
     *
     * @param kind only entries of this kind (null: all)
     * @param activityType only activities of this type (implies kind {@code activity})
     * @throws io.kervan.shared.RecordNotFoundException when the user may not see the record
     */
    @Transactional(readOnly = true)
    public Page page(RecordRef ref, String kind, String activityType, String cursor, Integer limit) {
        LinkedRecord record = records.visible(ref);
        int size = limit(limit);
        ActivityType type = null;
        if (activityType != null && !activityType.isBlank()) {
            type = ActivityType.parse(activityType)
                    .orElseThrow(() -> new InvalidInputException("type", "activity.validation.type"));
            kind = ActivityTimelineSource.KIND;
        }
        if (kind != null && kind.isBlank()) {
            kind = null;
        }
        if (kind != null && !KINDS.contains(kind)) {
            throw new InvalidInputException("kind", "timeline.validation.kind");
        }
        Cursor position = Cursor.decode(cursor);
        Set<RecordRef> withChildren = new LinkedHashSet<>();
        withChildren.add(ref);
        withChildren.addAll(records.childrenOf(ref, CHILD_LIMIT));
        TimelineQuery wide = new TimelineQuery(withChildren, position.at(), position.id(), size + 1);
        TimelineQuery own = new TimelineQuery(Set.of(ref), position.at(), position.id(), size + 1);
        List<TimelineEntry> merged = new ArrayList<>();
        for (TimelineSource source : sources) {
            if (kind != null && !kind.equals(source.kind())) {
                continue;
            }
            TimelineQuery query = WITH_CHILDREN.contains(source.kind()) ? wide : own;
            merged.addAll(source == activitySource && type != null ? activitySource.entries(query, type)
                    : source.entries(query));
        }
        merged.sort(TimelineEntry.NEWEST_FIRST);
        String next = null;
        if (merged.size() > size) {
            merged = merged.subList(0, size);
            TimelineEntry last = merged.get(size - 1);
            next = new Cursor(last.at(), last.cursorId()).encode();
        }
        return new Page(record, named(ref, merged), next);
    }

    private List<Item> named(RecordRef ref, List<TimelineEntry> entries) {
        Set<UUID> actors = new HashSet<>();
        entries.stream().map(TimelineEntry::actorId).filter(Objects::nonNull).forEach(actors::add);
        Map<UUID, String> names = users.displayNames(actors);
        Set<RecordRef> others = new HashSet<>();
        entries.stream().map(TimelineEntry::about).filter(about -> about != null && !about.equals(ref))
                .forEach(others::add);
        Map<RecordRef, LinkedRecord> labels = records.describe(others);
        return entries.stream().map(e -> {
            boolean own = e.about() == null || e.about().equals(ref);
            LinkedRecord about = own ? null : labels.get(e.about());
            return new Item(e, e.actorId() == null ? null : names.get(e.actorId()),
                    about == null ? null : about.label(), own);
        }).toList();
    }

    private static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new InvalidInputException("limit", "timeline.validation.limit");
        }
        return requested;
    }

    /** The position after a page's last entry: its time and its cursor id ({@code kind:id}). */
    record Cursor(Instant at, String id) {

        static final Cursor FIRST = new Cursor(null, null);

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((at + "\n" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String encoded) {
            if (encoded == null || encoded.isBlank()) {
                return FIRST;
            }
            try {
                String raw = new String(Base64.getUrlDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
                int newline = raw.indexOf('\n');
                String id = raw.substring(newline + 1);
                int colon = id.indexOf(':');
                if (colon < 1 || !KINDS.contains(id.substring(0, colon)) || id.length() > 200
                        || io.kervan.shared.InputCheck.hasControlCharacters(id)) {
                    throw new IllegalArgumentException("bad cursor id");
                }
                return new Cursor(Instant.parse(raw.substring(0, newline)), id);
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "validation.cursor");
            }
        }
    }
}
