package io.kervan.tasks;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** My work, the record panel, the task form and its completion follow-up, the team view, the bell. */
@IntegrationTest
class TaskPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    TestUsers users;
    TaskApi api;
    TestUsers.TestUser rep;
    Cookie session;

    @BeforeEach
    void signIn() {
        users = new TestUsers(context);
        api = new TaskApi(mvc);
        rep = users.create(Role.SALES_REP, null);
        session = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
    }

    @Test
    void myWorkSortsTasksIntoOverdueTodayUpcomingAndDone() throws Exception {
        api.task(rep, "{\"title\": \"Gecikmiş iş\", \"dueAt\": \"" + Instant.now().minus(Duration.ofDays(1)) + "\"}");
        api.task(rep, "{\"title\": \"Gelecek iş\", \"dueAt\": \"" + Instant.now().plus(Duration.ofDays(3)) + "\"}");
        api.task(rep, "{\"title\": \"Biten iş\", \"status\": \"done\"}");

        MvcTestResult page = mvc.get().uri("/tasks").cookie(session).exchange();
        assertThat(page).hasStatusOk();
        String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html.indexOf("id=\"overdue\"")).isPositive().isLessThan(html.indexOf("Gecikmiş iş"));
        assertThat(html.indexOf("id=\"upcoming\"")).isLessThan(html.indexOf("Gelecek iş"));
        assertThat(html.indexOf("id=\"done\"")).isLessThan(html.indexOf("Biten iş"));
        assertThat(html).contains("id=\"nav-my-work\"");
    }

    @Test
    void aTaskPlannedFromAContactPageShowsInItsPanelAndCompletingItOffersTheNextSteps() {
        UUID contact = api.contact(rep, "Elif", false);
        assertThat(mvc.get().uri("/tasks/new?recordType=contact&recordId=" + contact).cookie(session)).hasStatusOk()
                .bodyText().contains("Elif Yılmaz");

        MvcTestResult created = mvc.post().uri("/tasks").cookie(session).with(csrf())
                .param("title", "Teklifi gönder").param("dueAt", "2031-05-04T10:30").param("priority", "high")
                .param("assigneeId", rep.id().toString()).param("reminder", "1h")
                .param("links", "contact:" + contact).param("returnTo", "/contacts/" + contact).exchange();
        assertThat(created).hasStatus3xxRedirection().hasRedirectedUrl("/contacts/" + contact);
        UUID task = jdbc.sql("select id from tasks where title = 'Teklifi gönder' and assignee_id = :u")
                .param("u", rep.id()).query(UUID.class).single();
        // 10:30 in Istanbul (UTC+3), reminded an hour before
        assertThat(jdbc.sql("select reminder_at from tasks where id = :id").param("id", task)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2031-05-04T06:30:00Z"));

        assertThat(mvc.get().uri("/tasks/panel?recordType=contact&recordId=" + contact).cookie(session)).hasStatusOk()
                .bodyText().contains("Teklifi gönder");
        assertThat(mvc.get().uri("/contacts/" + contact).cookie(session)).hasStatusOk().bodyText()
                .contains("/tasks/panel?recordType=contact&amp;recordId=" + contact);

        assertThat(mvc.post().uri("/tasks/" + task + "/complete").cookie(session).with(csrf()))
                .hasStatus3xxRedirection().hasRedirectedUrl("/tasks/" + task + "?completed=true");
        assertThat(mvc.get().uri("/tasks/" + task + "?completed=true").cookie(session)).hasStatusOk().bodyText()
                .contains("/activities/new?type=call&amp;recordType=contact&amp;recordId=" + contact)
                .contains("/tasks/new?recordType=contact&amp;recordId=" + contact);
    }

    @Test
    void theFormShowsFieldErrorsInsteadOfSaving() {
        MvcTestResult result = mvc.post().uri("/tasks").cookie(session).with(csrf()).param("title", "")
                .param("reminder", "15m").param("assigneeId", rep.id().toString()).exchange();
        assertThat(result).hasStatusOk().bodyText().contains("A task needs a title.")
                .contains("A reminder before the due time needs a due time.");
    }

    @Test
    void managersHaveATeamViewAndRepsDoNot() {
        TestUsers.TestUser manager = users.create(Role.MANAGER, null);
        UUID team = users.team(manager.id()).id();
        TestUsers.TestUser member = users.create(Role.SALES_REP, team);
        api.task(member, "{\"title\": \"Ekip işi\", \"dueAt\": \"" + Instant.now().minus(Duration.ofHours(2)) + "\"}");
        Cookie managerSession = SignedInBrowserSession.signIn(mvc, manager.email(), TestUsers.PASSWORD);

        assertThat(mvc.get().uri("/tasks/team").cookie(managerSession)).hasStatusOk().bodyText().contains("Ekip işi");
        assertThat(mvc.get().uri("/tasks/team?assignee=" + member.id()).cookie(managerSession)).hasStatusOk()
                .bodyText().contains("Ekip işi");
        assertThat(mvc.get().uri("/tasks/team").cookie(session)).hasStatus(403);
    }

    @Test
    void theBellCountsUnreadNotificationsAndTheListMarksThemRead() {
        TestUsers.TestUser colleague = users.create(Role.SALES_REP, null);
        api.task(colleague, "{\"title\": \"Sana bir iş\", \"assigneeId\": \"" + rep.id() + "\"}");

        assertThat(mvc.get().uri("/notifications/bell").cookie(session)).hasStatusOk().bodyText()
                .contains("id=\"notification-count\"");
        assertThat(mvc.get().uri("/notifications").cookie(session)).hasStatusOk().bodyText()
                .contains("Task assigned to you").contains("Sana bir iş");
        UUID id = jdbc.sql("select id from notifications where user_id = :u").param("u", rep.id())
                .query(UUID.class).single();
        assertThat(mvc.post().uri("/notifications/" + id + "/open").cookie(session).with(csrf()))
                .hasStatus3xxRedirection().redirectedUrl().startsWith("/tasks/");
        assertThat(mvc.get().uri("/notifications/bell").cookie(session)).hasStatusOk().bodyText()
                .doesNotContain("notification-count");
    }
}
