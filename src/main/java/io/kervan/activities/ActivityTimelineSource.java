package io.kervan.activities;

import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.TimelineEntry;
import io.kervan.shared.records.TimelineQuery;
import io.kervan.shared.records.TimelineSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Activities on timelines: each once, even when linked to several of the records asked about. */
@Component
class ActivityTimelineSource implements TimelineSource {

    static final String KIND = "activity";

    private final ActivityRepository activities;

    ActivityTimelineSource(ActivityRepository activities) {
        this.activities = activities;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> entries(TimelineQuery query) {
        return entries(query, null);
    }

    /** Only activities of {@code type} (null: all), for the timeline's type filter. */
    @Transactional(readOnly = true)
    List<TimelineEntry> entries(TimelineQuery query, ActivityType type) {
        return activities.timeline(query, type).stream().map(a -> entry(a, query)).toList();
    }

    private static TimelineEntry entry(Activity a, TimelineQuery query) {
        Map<String, Object> details = new LinkedHashMap<>();
        put(details, "direction", a.direction());
        put(details, "outcome", a.outcome());
        put(details, "durationSeconds", a.durationSeconds());
        put(details, "startAt", a.startAt());
        put(details, "endAt", a.endAt());
        put(details, "location", a.location());
        details.put("bodyIsHtml", a.bodyIsHtml());
        details.put("links", a.links().stream().map(ActivityJson.Link::of).toList());
        RecordRef about = a.links().stream().filter(query.records()::contains).findFirst().orElse(a.links().get(0));
        return new TimelineEntry(KIND, a.id().toString(), a.occurredAt(), a.ownerId(), a.type().key(), a.subject(),
                a.body(), details, about);
    }

    private static void put(Map<String, Object> details, String key, Object value) {
        if (value != null) {
            details.put(key, value);
        }
    }
}
