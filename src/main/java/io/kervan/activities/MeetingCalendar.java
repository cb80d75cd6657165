package io.kervan.activities;

import io.kervan.shared.records.CalendarEvent;
import io.kervan.shared.records.CalendarEventSource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A user's meetings (logged by them or with them as attendee) for their private calendar feed. */
@Component
class MeetingCalendar implements CalendarEventSource {

    private final ActivityRepository activities;

    MeetingCalendar(ActivityRepository activities) {
        this.activities = activities;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CalendarEvent> eventsFor(UUID userId, Instant from, Instant to) {
        return activities.meetingsOf(userId, from, to).stream().map(MeetingCalendar::event).toList();
    }

    static CalendarEvent event(Activity meeting) {
        String summary = meeting.subject() == null ? "Meeting" : meeting.subject();
        return new CalendarEvent("meeting-" + meeting.id() + "@kervan", meeting.version(), summary, meeting.body(),
                meeting.startAt(), meeting.endAt() != null ? meeting.endAt() : meeting.startAt().plusSeconds(3600),
                meeting.location(), meeting.updatedAt(), "/activities/" + meeting.id());
    }

}
