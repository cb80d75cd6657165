package io.kervan.notifications;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import io.kervan.tasks.TaskApi;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** In-app notifications and their e-mails: task assigned, record assigned, read state, preferences. */
@IntegrationTest
class NotificationIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    TestUsers users;
    TaskApi api;
    TestUsers.TestUser rep;
    TestUsers.TestUser colleague;

    @BeforeEach
    void setUp() {
        users = new TestUsers(context);
        api = new TaskApi(mvc);
        rep = users.create(Role.SALES_REP, null);
        colleague = users.create(Role.SALES_REP, null);
    }

    int count(TestUsers.TestUser user, String kind) {
        return jdbc.sql("select count(*) from notifications where user_id = :u and kind = :k")
                .param("u", user.id()).param("k", kind).query(Integer.class).single();
    }

    @Test
    void aTaskAssignedToSomeoneElseRingsTheirBellAndEmailsThemOnce() throws Exception {
        api.task(rep, "{\"title\": \"Müşteriyi ara\", \"assigneeId\": \"" + colleague.id() + "\"}");

        assertThat(api.get(colleague, "/api/v1/notifications")).hasStatusOk().bodyJson()
                .extractingPath("$.items[0].kind").isEqualTo("taskAssigned");
        assertThat(api.get(colleague, "/api/v1/notifications")).bodyJson()
                .extractingPath("$.items[0].title").isEqualTo("Müşteriyi ara");
        assertThat(api.get(colleague, "/api/v1/notifications")).bodyJson().extractingPath("$.unreadCount").isEqualTo(1);
        await().atMost(Duration.ofSeconds(15)).until(() -> TestMailServer.messagesTo(colleague.email()).size() == 1);
        assertThat(TestMailServer.messagesTo(colleague.email()).get(0).getSubject())
                .isEqualTo("Task assigned to you: Müşteriyi ara");
        // nobody is told about a task they gave themselves
        api.task(rep, "{\"title\": \"Kendime not\"}");
        assertThat(count(rep, "taskAssigned")).isZero();
    }

    @Test
    void notificationsAreMarkedReadOneByOneOrAllAtOnceAndOnlyByTheirRecipient() throws Exception {
        api.task(rep, "{\"title\": \"Bir\", \"assigneeId\": \"" + colleague.id() + "\"}");
        api.task(rep, "{\"title\": \"İki\", \"assigneeId\": \"" + colleague.id() + "\"}");
        String body = api.get(colleague, "/api/v1/notifications").getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        String first = com.jayway.jsonpath.JsonPath.read(body, "$.items[0].id");

        assertThat(api.post(rep, "/api/v1/notifications/" + first + "/read", "")).hasStatus(404);
        assertThat(api.post(colleague, "/api/v1/notifications/" + first + "/read", "")).hasStatus(204);
        assertThat(api.get(colleague, "/api/v1/notifications")).bodyJson().extractingPath("$.unreadCount").isEqualTo(1);
        assertThat(api.get(colleague, "/api/v1/notifications?unread=true")).bodyJson()
                .extractingPath("$.items.length()").isEqualTo(1);
        assertThat(api.post(colleague, "/api/v1/notifications/read-all", "")).hasStatus(204);
        assertThat(api.get(colleague, "/api/v1/notifications")).bodyJson().extractingPath("$.unreadCount").isEqualTo(0);
        assertThat(api.post(colleague, "/api/v1/notifications/" + UUID.randomUUID() + "/read", "")).hasStatus(404);
    }

    @Test
    void preferencesDecideBetweenAppAndEmail() {
        assertThat(mvc.put().uri("/api/v1/notifications/preferences/taskAssigned")
                .header("Authorization", colleague.bearer()).contentType("application/json")
                .content("{\"inApp\": true, \"email\": false}").exchange()).hasStatusOk();
        api.task(rep, "{\"title\": \"Sadece uygulamada\", \"assigneeId\": \"" + colleague.id() + "\"}");
        assertThat(count(colleague, "taskAssigned")).isEqualTo(1);
        assertThat(jdbc.sql("select email_status from notifications where user_id = :u").param("u", colleague.id())
                .query(String.class).optional()).isEmpty();

        assertThat(mvc.put().uri("/api/v1/notifications/preferences/taskAssigned")
                .header("Authorization", colleague.bearer()).contentType("application/json")
                .content("{\"inApp\": false, \"email\": false}").exchange()).hasStatusOk();
        api.task(rep, "{\"title\": \"Hiç\", \"assigneeId\": \"" + colleague.id() + "\"}");
        assertThat(count(colleague, "taskAssigned")).isEqualTo(1);
        assertThat(api.get(colleague, "/api/v1/notifications/preferences")).bodyJson()
                .extractingPath("$.items[0].kind").isEqualTo("taskAssigned");
        assertThat(mvc.put().uri("/api/v1/notifications/preferences/birthday")
                .header("Authorization", colleague.bearer()).contentType("application/json")
                .content("{\"inApp\": false, \"email\": false}").exchange()).hasStatus(400);
    }

    @Test
    void aRecordGivenToSomeoneElseNotifiesTheNewOwner() {
        TestUsers.TestUser manager = users.create(Role.MANAGER, null);
        UUID team = users.team(manager.id()).id();
        TestUsers.TestUser member = users.create(Role.SALES_REP, team);
        assertThat(api.post(manager, "/api/v1/contacts",
                "{\"firstName\": \"Zeynep\", \"lastName\": \"Kara\", \"ownerId\": \"" + member.id() + "\"}"))
                .hasStatus(201);

        await().atMost(Duration.ofSeconds(15)).until(() -> count(member, "recordAssigned") == 1);
        assertThat(api.get(member, "/api/v1/notifications")).bodyJson()
                .extractingPath("$.items[0].title").isEqualTo("Zeynep Kara");
        // creating a record for oneself notifies nobody
        api.contact(member, "Kendi", true);
        assertThat(count(member, "recordAssigned")).isEqualTo(1);
    }
}
