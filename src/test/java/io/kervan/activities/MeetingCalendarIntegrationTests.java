package io.kervan.activities;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.shared.records.CalendarEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.ObjectMapper;

import static io.kervan.activities.ActivityApi.link;
import static org.assertj.core.api.Assertions.assertThat;

/** Meetings on the calendar feeds of the user who logged them and of their attendees, with stable UIDs. */
@IntegrationTest
class MeetingCalendarIntegrationTests {

    static final Instant FROM = Instant.parse("2026-08-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-09-01T00:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    @Autowired
    MeetingCalendar calendar;

    ActivityApi api;
    TestUsers.TestUser rep;
    TestUsers.TestUser colleague;
    TestUsers.TestUser outsider;

    @BeforeEach
    void users() {
        api = new ActivityApi(mvc, json);
        TestUsers users = new TestUsers(context);
        rep = users.create(Role.SALES_REP, null);
        colleague = users.create(Role.SALES_REP, null);
        outsider = users.create(Role.SALES_REP, null);
    }

    @Test
    void aMeetingIsOnItsOrganisersAndAttendeesCalendarsAndKeepsItsUidWhenEdited() {
        String contact = api.contact(rep, "Takvim", null);
        String meeting = api.log(rep, """
                {"type": "meeting", "subject": "Fabrika ziyareti", "startAt": "2026-08-12T07:00:00Z",
                 "endAt": "2026-08-12T09:00:00Z", "location": "Gebze", "attendeeIds": ["%s"], "links": [%s]}"""
                .formatted(colleague.id(), link("contact", contact)));
        api.log(rep, "{\"type\": \"call\", \"occurredAt\": \"2026-08-12T10:00:00Z\", \"links\": [" + link("contact", contact) + "]}");

        List<CalendarEvent> mine = calendar.eventsFor(rep.id(), FROM, TO);
        assertThat(mine).singleElement().satisfies(e -> {
            assertThat(e.uid()).isEqualTo("meeting-" + meeting + "@kervan");
            assertThat(e.summary()).isEqualTo("Fabrika ziyareti");
            assertThat(e.start()).isEqualTo("2026-08-12T07:00:00Z");
            assertThat(e.end()).isEqualTo("2026-08-12T09:00:00Z");
            assertThat(e.location()).isEqualTo("Gebze");
            assertThat(e.url()).isEqualTo("/activities/" + meeting);
        });
        assertThat(calendar.eventsFor(colleague.id(), FROM, TO)).extracting(CalendarEvent::uid)
                .containsExactly("meeting-" + meeting + "@kervan");
        assertThat(calendar.eventsFor(outsider.id(), FROM, TO)).isEmpty();
        assertThat(calendar.eventsFor(rep.id(), TO, TO.plusSeconds(86400))).isEmpty();

        assertThat(api.patch(rep, "/api/v1/activities/" + meeting, "{\"startAt\": \"2026-08-13T07:00:00Z\", \"endAt\": null}"))
                .hasStatusOk();
        CalendarEvent moved = calendar.eventsFor(rep.id(), FROM, TO).get(0);
        assertThat(moved.uid()).isEqualTo(mine.get(0).uid());
        assertThat(moved.sequence()).isGreaterThan(mine.get(0).sequence());
        assertThat(moved.start()).isEqualTo("2026-08-13T07:00:00Z");
        assertThat(moved.end()).isEqualTo("2026-08-13T08:00:00Z");
        assertThat(api.post(rep, "/api/v1/activities", """
                {"type": "meeting", "startAt": "2026-08-12T07:00:00Z", "attendeeIds": ["%s"], "links": [%s]}"""
                .formatted(java.util.UUID.randomUUID(), link("contact", contact)))).hasStatus(400);
    }
}
