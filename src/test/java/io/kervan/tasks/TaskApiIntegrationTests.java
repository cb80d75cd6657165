package io.kervan.tasks;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/tasks}: shape, validation, links, visibility, filters and optimistic locking. */
@IntegrationTest
class TaskApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;

    TestUsers users;
    TaskApi api;
    TestUsers.TestUser rep;

    @BeforeEach
    void setUp() {
        users = new TestUsers(context);
        api = new TaskApi(mvc);
        rep = users.create(Role.SALES_REP, null);
    }

    @Test
    void createsATaskWithTheIssueShapeLinkedToARecord() {
        UUID contact = api.contact(rep, "Ayşe", false);
        Instant due = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        MvcTestResult result = api.post(rep, "/api/v1/tasks", """
                {"title": "Teklifi ara", "description": "Fiyatı konuş", "dueAt": "%s", "priority": "high",
                 "reminderAt": "%s", "links": [{"recordType": "contact", "recordId": "%s"}]}"""
                .formatted(due, due.minus(Duration.ofHours(1)), contact));

        assertThat(result).hasStatus(201).hasHeader("ETag", "\"0\"");
        assertThat(result).bodyJson().extractingPath("$.title").isEqualTo("Teklifi ara");
        assertThat(result).bodyJson().extractingPath("$.priority").isEqualTo("high");
        assertThat(result).bodyJson().extractingPath("$.status").isEqualTo("open");
        assertThat(result).bodyJson().extractingPath("$.assigneeId").isEqualTo(rep.id().toString());
        assertThat(result).bodyJson().extractingPath("$.dueAt").isEqualTo(due.toString());
        assertThat(result).bodyJson().extractingPath("$.reminderAt").isEqualTo(due.minus(Duration.ofHours(1)).toString());
        assertThat(result).bodyJson().extractingPath("$.links[0].recordType").isEqualTo("contact");
        assertThat(result).bodyJson().extractingPath("$.links[0].recordId").isEqualTo(contact.toString());
    }

    @Test
    void refusesBadInputWithFieldErrors() {
        assertThat(api.post(rep, "/api/v1/tasks", "{\"title\": \" \", \"priority\": \"urgent\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("title", "priority");
        assertThat(api.post(rep, "/api/v1/tasks", "{\"title\": \"x\", \"assigneeId\": \"" + UUID.randomUUID() + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("assigneeId");
        assertThat(api.post(rep, "/api/v1/tasks",
                "{\"title\": \"x\", \"links\": [{\"recordType\": \"planet\", \"recordId\": \"" + UUID.randomUUID() + "\"}]}"))
                .hasStatus(400);
        assertThat(api.post(rep, "/api/v1/tasks", "{\"title\": \"x\", \"dueAt\": \"tomorrow\"}")).hasStatus(400);
        assertThat(api.get(rep, "/api/v1/tasks?due=someday")).hasStatus(400);
    }

    @Test
    void aRecordTheUserCannotSeeCannotBeLinkedAndItsTasksStayHidden() {
        TestUsers.TestUser other = users.create(Role.SALES_REP, null);
        UUID hidden = api.contact(other, "Gizli", false);
        assertThat(api.post(rep, "/api/v1/tasks",
                "{\"title\": \"x\", \"links\": [{\"recordType\": \"contact\", \"recordId\": \"" + hidden + "\"}]}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("links");

        UUID task = api.task(other, "{\"title\": \"Private\"}");
        assertThat(api.get(rep, "/api/v1/tasks/" + task)).hasStatus(404);
        assertThat(api.get(rep, "/api/v1/tasks?recordType=contact&recordId=" + hidden)).hasStatus(404);
    }

    @Test
    void theAssigneeSeesAndChangesATaskGivenToThemAndTheirManagerSeesIt() {
        TestUsers.TestUser manager = users.create(Role.MANAGER, null);
        UUID team = users.team(manager.id()).id();
        TestUsers.TestUser member = users.create(Role.SALES_REP, team);
        UUID task = api.task(rep, "{\"title\": \"Demo hazırla\", \"assigneeId\": \"" + member.id() + "\"}");

        assertThat(api.get(member, "/api/v1/tasks/" + task)).hasStatusOk();
        assertThat(api.get(manager, "/api/v1/tasks?assigneeId=" + member.id())).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].id").asArray().contains(task.toString());
        assertThat(api.patch(member, "/api/v1/tasks/" + task, "{\"status\": \"done\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.completedAt").isNotNull();

        TestUsers.TestUser stranger = users.create(Role.SALES_REP, null);
        assertThat(api.get(stranger, "/api/v1/tasks/" + task)).hasStatus(404);
    }

    @Test
    void aReadOnlyUserMayNotCreateTasks() {
        TestUsers.TestUser reader = users.create(Role.READ_ONLY, null);
        assertThat(api.post(reader, "/api/v1/tasks", "{\"title\": \"x\"}")).hasStatus(403);
    }

    @Test
    void filtersByDueWindowAndStatus() {
        Instant now = Instant.now();
        UUID overdue = api.task(rep, "{\"title\": \"late\", \"dueAt\": \"" + now.minus(Duration.ofDays(3)) + "\"}");
        UUID later = api.task(rep, "{\"title\": \"later\", \"dueAt\": \"" + now.plus(Duration.ofDays(3)) + "\"}");
        UUID undated = api.task(rep, "{\"title\": \"someday\"}");
        UUID done = api.task(rep, "{\"title\": \"done\", \"status\": \"done\", \"dueAt\": \""
                + now.minus(Duration.ofDays(5)) + "\"}");

        assertThat(api.get(rep, "/api/v1/tasks?due=overdue&assigneeId=" + rep.id())).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().containsExactly(overdue.toString());
        assertThat(api.get(rep, "/api/v1/tasks?due=upcoming&assigneeId=" + rep.id())).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().containsExactly(later.toString(), undated.toString());
        assertThat(api.get(rep, "/api/v1/tasks?status=done&assigneeId=" + rep.id())).hasStatusOk().bodyJson()
                .extractingPath("$.items[*].id").asArray().containsExactly(done.toString());
        assertThat(api.get(rep, "/api/v1/tasks?due=overdue&assigneeId=" + rep.id())).bodyJson()
                .extractingPath("$.items[0].overdue").isEqualTo(true);
    }

    @Test
    void pagesWithACursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.task(rep, "{\"title\": \"t" + i + "\", \"dueAt\": \"" + Instant.now().plus(Duration.ofDays(i + 1)) + "\"}");
        }
        MvcTestResult first = api.get(rep, "/api/v1/tasks?limit=2&assigneeId=" + rep.id());
        assertThat(first).hasStatusOk().bodyJson().extractingPath("$.items[*].title").asArray().containsExactly("t0", "t1");
        String cursor = com.jayway.jsonpath.JsonPath.read(first.getResponse().getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8), "$.nextCursor");
        assertThat(api.get(rep, "/api/v1/tasks?limit=2&assigneeId=" + rep.id() + "&cursor=" + cursor)).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].title").asArray().containsExactly("t2");
    }

    @Test
    void aStaleIfMatchIsRefused() {
        UUID task = api.task(rep, "{\"title\": \"x\"}");
        assertThat(api.patch(rep, "/api/v1/tasks/" + task, "{\"title\": \"y\"}")).hasStatusOk();
        MvcTestResult stale = mvc.patch().uri("/api/v1/tasks/" + task).header("Authorization", rep.bearer())
                .header("If-Match", "\"0\"").contentType("application/merge-patch+json").content("{\"title\": \"z\"}")
                .exchange();
        assertThat(stale).hasStatus(412);
    }
}
