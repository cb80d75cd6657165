package io.kervan.activities;

import io.kervan.identity.CurrentUser;
import io.kervan.identity.UserService;
import io.kervan.identity.Visibility;
import io.kervan.shared.Ids;
import io.kervan.shared.InvalidInputException;
import io.kervan.shared.Keyset;
import io.kervan.shared.NotAllowedException;
import io.kervan.shared.RecordNotFoundException;
import io.kervan.shared.Slice;
import io.kervan.shared.StaleVersionException;
import io.kervan.shared.records.ActivityLogged;
import io.kervan.shared.records.RecordRef;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activities module's API. An activity is visible to whoever may see one of its linked records
 * (and to the user who logged it and its attendees); it may be changed by the user who logged it and
 * by whoever may change one of its linked records. Every link must be a record the user may see.
 */
@Service
public class ActivityService {

    static final String RECORD_TYPE = "activity";

    private final ActivityRepository activities;
    private final RecordLinks records;
    private final Visibility visibility;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActivityService(ActivityRepository activities, RecordLinks records, Visibility visibility, UserService users,
            ApplicationEventPublisher events, Clock clock) {
        this.activities = activities;
        this.records = records;
        this.visibility = visibility;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Activity log(ActivityDraft draft) {
        if (!visibility.current().canCreate()) {
            throw new NotAllowedException("Your role may not log activities");
        }
        Instant now = clock.instant();
        ActivityDraft activity = ActivityRules.normalize(draft, now);
        records.checkVisible(activity.links());
        checkAttendees(activity.attendeeIds());
        UUID id = Ids.newId();
        UUID actor = CurrentUser.require().id();
        activities.insert(id, activity, actor, actor, now);
        Activity logged = activities.findById(id).orElseThrow();
        publish(logged, actor, now);
        return logged;
    }

    @Transactional(readOnly = true)
    public Activity get(UUID id) {
        return visible(id);
    }

    @Transactional
    public Activity update(UUID id, ActivityDraft draft, long expectedVersion) {
        Activity before = editable(id);
        Instant now = clock.instant();
        ActivityDraft activity = ActivityRules.normalize(draft, now);
        List<RecordRef> added = activity.links().stream().filter(link -> !before.links().contains(link)).toList();
        records.checkVisible(added);
        checkAttendees(activity.attendeeIds());
        UUID actor = CurrentUser.require().id();
        if (!activities.update(id, activity, actor, expectedVersion, now)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
        Activity after = activities.findById(id).orElseThrow();
        publish(after, actor, now);
        return after;
    }

    @Transactional
    public void delete(UUID id, long expectedVersion) {
        editable(id);
        if (!activities.delete(id, expectedVersion)) {
            throw new StaleVersionException(RECORD_TYPE, id);
        }
    }

    /**
     * Activities newest first: those linked to {@code record} when given (which the user must be able to
     * see), otherwise the ones the user logged or attends.
     */
    @Transactional(readOnly = true)
    public Slice<Activity> list(RecordRef record, String type, Instant from, Instant to, String cursor, Integer limit) {
        ActivityType activityType = type == null || type.isBlank() ? null : ActivityType.parse(type)
                .orElseThrow(() -> new InvalidInputException("type", "activity.validation.type"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "activity.validation.endBeforeStart");
        }
        if (record != null) {
            records.visible(record);
        }
        int size = Keyset.limit(limit);
        Keyset.Cursor position = Keyset.Cursor.decode(cursor);
        Instant cursorAt = null;
        if (position != null) {
            try {
                cursorAt = Instant.parse(position.value());
            } catch (RuntimeException e) {
                throw new InvalidInputException("cursor", "validation.cursor");
            }
        }
        List<Activity> page = activities.page(record == null ? List.of() : List.of(record),
                CurrentUser.require().id(), activityType, from, to, cursorAt, position == null ? null : position.id(),
                size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            Activity last = page.get(size - 1);
            next = new Keyset.Cursor(last.occurredAt().toString(), last.id()).encode();
        }
        return new Slice<>(page, next);
    }

    /** Whether the signed-in user may change or delete the activity. */
    @Transactional(readOnly = true)
    public boolean canEdit(Activity activity) {
        UUID user = CurrentUser.require().id();
        return activity.ownerId().equals(user) || visibility.current().editsAll()
                || activity.links().stream().anyMatch(link -> records.findVisible(link)
                        .map(io.kervan.shared.records.LinkedRecord::editable).orElse(false));
    }

    /** The signed-in user's last call, so that the next call form starts with its direction and outcome. */
    @Transactional(readOnly = true)
    public Optional<Activity> lastCall() {
        return activities.lastCallOf(CurrentUser.require().id());
    }

    private Activity visible(UUID id) {
        Activity activity = activities.findById(id).orElseThrow(() -> new RecordNotFoundException(RECORD_TYPE, id));
        UUID user = CurrentUser.require().id();
        boolean own = activity.ownerId().equals(user) || activity.attendeeIds().contains(user);
        if (!own && activity.links().stream().noneMatch(link -> records.findVisible(link).isPresent())) {
            throw new RecordNotFoundException(RECORD_TYPE, id);
        }
        return activity;
    }

    private Activity editable(UUID id) {
        Activity activity = visible(id);
        if (!canEdit(activity)) {
            throw new NotAllowedException("You may see this activity but not change it");
        }
        return activity;
    }

    private void checkAttendees(List<UUID> attendees) {
        if (!attendees.isEmpty() && users.displayNames(attendees).size() != new LinkedHashSet<>(attendees).size()) {
            throw new InvalidInputException("attendeeIds", "validation.user.unknown");
        }
    }

    /** Planning next week's meeting counts as work on the records today, not next week. */
    private void publish(Activity activity, UUID actor, Instant now) {
        Instant at = activity.occurredAt().isAfter(now) ? now : activity.occurredAt();
        events.publishEvent(new ActivityLogged(activity.id(), activity.type().key(), at,
                new LinkedHashSet<>(activity.links()), actor));
    }
}
