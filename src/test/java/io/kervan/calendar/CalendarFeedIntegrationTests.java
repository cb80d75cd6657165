package io.kervan.calendar;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.tasks.TaskApi;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The private iCalendar feed, read the way a calendar app reads it: without a session, parsed and
 * validated by ical4j (RFC 5545); an edited task keeps its UID; the URL can be replaced and revoked.
 */
@IntegrationTest
class CalendarFeedIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;

    TaskApi api;
    TestUsers.TestUser rep;

    @BeforeEach
    void setUp() {
        api = new TaskApi(mvc);
        rep = new TestUsers(context).create(Role.SALES_REP, null);
    }

    String feedPath() throws Exception {
        MvcTestResult created = api.post(rep, "/api/v1/calendar-feeds", "");
        assertThat(created).hasStatus(201);
        String url = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8),
                "$.url");
        assertThat(url).matches("http://localhost(:\\d+)?/calendar/[0-9a-f-]{36}/[A-Za-z0-9_-]{43}\\.ics");
        return URI.create(url).getPath();
    }

    Calendar read(String path) throws Exception {
        MvcTestResult result = mvc.get().uri(path).exchange();
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith("text/calendar");
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        Calendar calendar = new CalendarBuilder().build(new StringReader(body));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar;
    }

    static List<VEvent> events(Calendar calendar) {
        return calendar.getComponents().stream().filter(VEvent.class::isInstance).map(VEvent.class::cast).toList();
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(p -> ((Property) p).getValue()).orElse(null);
    }

    @Test
    void aDatedTaskAppearsWithAStableUidThatSurvivesEdits() throws Exception {
        Instant due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        UUID task = api.task(rep, "{\"title\": \"Görüşme; fiyat, teslim\", \"description\": \"Satır 1\\nSatır 2\", "
                + "\"dueAt\": \"" + due + "\"}");
        api.task(rep, "{\"title\": \"Tarihsiz\"}");
        String path = feedPath();

        List<VEvent> before = events(read(path));
        assertThat(before).hasSize(1);
        assertThat(value(before.get(0), "UID")).isEqualTo("task-" + task + "@kervan");
        assertThat(value(before.get(0), "SUMMARY")).isEqualTo("Görüşme; fiyat, teslim");
        assertThat(value(before.get(0), "DESCRIPTION")).isEqualTo("Satır 1\nSatır 2");
        assertThat(value(before.get(0), "SEQUENCE")).isEqualTo("0");

        assertThat(api.patch(rep, "/api/v1/tasks/" + task,
                "{\"title\": \"Görüşme ertelendi\", \"dueAt\": \"" + due.plus(Duration.ofDays(1)) + "\"}")).hasStatusOk();
        List<VEvent> after = events(read(path));
        assertThat(after).hasSize(1);
        assertThat(value(after.get(0), "UID")).isEqualTo(value(before.get(0), "UID"));
        assertThat(value(after.get(0), "SUMMARY")).isEqualTo("Görüşme ertelendi");
        assertThat(Integer.parseInt(value(after.get(0), "SEQUENCE"))).isGreaterThan(0);
    }

    @Test
    void theFeedNeedsItsExactTokenAndANewOrRevokedUrlStopsTheOldOne() throws Exception {
        String path = feedPath();
        assertThat(mvc.get().uri(path).exchange()).hasStatusOk();
        assertThat(mvc.get().uri(path.replace(".ics", "x.ics")).exchange()).hasStatus(404);
        assertThat(mvc.get().uri("/calendar/not-a-uuid/abc.ics").exchange()).hasStatus(404);

        String renewed = feedPath();
        assertThat(mvc.get().uri(path).exchange()).hasStatus(404);
        assertThat(mvc.get().uri(renewed).exchange()).hasStatusOk();

        assertThat(mvc.delete().uri("/api/v1/calendar-feeds").header("Authorization", rep.bearer()).exchange())
                .hasStatus(204);
        assertThat(mvc.get().uri(renewed).exchange()).hasStatus(404);
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingLetters() throws Exception {
        api.task(rep, "{\"title\": \"" + "Çağrı şöyle ğüışç ".repeat(10) + "\", \"dueAt\": \""
                + Instant.now().plus(Duration.ofDays(1)) + "\"}");
        MvcTestResult result = mvc.get().uri(feedPath()).exchange();
        byte[] raw = result.getResponse().getContentAsByteArray();
        String body = new String(raw, StandardCharsets.UTF_8);
        for (String line : body.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(body).doesNotContain("\uFFFD");
        assertThat(value(events(read(feedPath())).get(0), "SUMMARY")).startsWith("Çağrı şöyle ğüışç Çağrı");
    }
}
