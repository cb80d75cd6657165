package io.kervan.tasks;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.shared.records.PlannedFollowUps;
import io.kervan.shared.records.RecordRef;
import io.kervan.shared.records.RecordType;
import io.kervan.shared.records.TimelineEntry;
import io.kervan.shared.records.TimelineQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Tasks as a timeline source (paged newest first) and as planned follow-ups for the pipeline gate. */
@IntegrationTest
class TaskExtensionPointsIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TaskTimelineSource timeline;
    @Autowired
    TaskPlannedFollowUps followUps;

    @Test
    void aRecordsTasksComePagedNewestFirstOnItsTimeline() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        TaskApi api = new TaskApi(mvc);
        UUID contact = api.contact(rep, "Deniz", false);
        Instant base = Instant.parse("2030-03-01T09:00:00Z");
        List<UUID> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(api.task(rep, "{\"title\": \"t" + i + "\", \"dueAt\": \"" + base.plus(Duration.ofDays(i))
                    + "\", \"links\": [{\"recordType\": \"contact\", \"recordId\": \"" + contact + "\"}]}"));
        }
        api.task(rep, "{\"title\": \"elsewhere\"}");
        Set<RecordRef> records = Set.of(new RecordRef(RecordType.CONTACT, contact));

        List<TimelineEntry> first = timeline.entries(new TimelineQuery(records, null, null, 2));
        assertThat(first).extracting(TimelineEntry::title).containsExactly("t2", "t1");
        assertThat(first.get(0).kind()).isEqualTo("task");
        assertThat(first.get(0).about()).isEqualTo(new RecordRef(RecordType.CONTACT, contact));
        TimelineEntry last = first.get(1);
        List<TimelineEntry> second = timeline.entries(new TimelineQuery(records, last.at(), last.cursorId(), 2));
        assertThat(second).extracting(TimelineEntry::title).containsExactly("t0");
        assertThat(List.copyOf(first)).isSortedAccordingTo(TimelineEntry.NEWEST_FIRST);
    }

    @Test
    void anOpenTaskIsAPlannedFollowUpAndADoneOneIsNot() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        TaskApi api = new TaskApi(mvc);
        UUID contact = api.contact(rep, "Ece", false);
        RecordRef record = new RecordRef(RecordType.CONTACT, contact);
        assertThat(followUps.hasPlannedFollowUp(record, Instant.now())).isFalse();

        UUID task = api.task(rep, "{\"title\": \"Ara\", \"links\": [{\"recordType\": \"contact\", \"recordId\": \""
                + contact + "\"}]}");
        assertThat(followUps.hasPlannedFollowUp(record, Instant.now())).isTrue();
        assertThat(api.patch(rep, "/api/v1/tasks/" + task, "{\"status\": \"done\"}")).hasStatusOk();
        assertThat(followUps.hasPlannedFollowUp(record, Instant.now())).isFalse();
    }
}
