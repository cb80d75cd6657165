package io.kervan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Admins see every list export — who, what, how many rows, which filters — in the UI and the API; nobody else does. */
@IntegrationTest
class ExportLogIntegrationTests {

    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;

    @Test
    void anExportShowsUpInTheAdminsExportLogWithItsFilters() {
        TestUsers users = new TestUsers(context);
        TestUsers.TestUser rep = users.create(Role.SALES_REP, null);
        TestUsers.TestUser admin = users.create(Role.ADMIN, null);
        String marker = "exp" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(mvc.get().uri("/api/v1/companies/export?format=csv&q=" + marker).header("Authorization", rep.bearer()))
                .hasStatusOk();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                mvc.get().uri("/api/v1/audit/exports?limit=200").header("Authorization", admin.bearer()))
                .hasStatusOk().bodyText().contains(marker).contains("\"recordType\":\"company\"")
                .contains("\"format\":\"csv\"").contains(rep.user().displayName()));

        Cookie session = SignedInBrowserSession.signIn(mvc, admin.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/admin/exports").cookie(session)).hasStatusOk().bodyText()
                .contains("id=\"exports\"").contains(marker).contains(rep.user().displayName());
    }

    @Test
    void onlyAdminsMayReadTheExportLog() {
        TestUsers.TestUser manager = new TestUsers(context).create(Role.MANAGER, null);
        assertThat(mvc.get().uri("/api/v1/audit/exports").header("Authorization", manager.bearer())).hasStatus(403);
        Cookie session = SignedInBrowserSession.signIn(mvc, manager.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/admin/exports").cookie(session)).hasStatus(403);
    }

    @Test
    void aDamagedCursorIsTheCallersMistake() {
        TestUsers.TestUser admin = new TestUsers(context).create(Role.ADMIN, null);
        assertThat(mvc.get().uri("/api/v1/audit/exports?cursor=%%%").header("Authorization", admin.bearer()))
                .hasStatus(400);
        String damaged = java.util.Base64.getUrlEncoder().encodeToString("yesterday\n00000000-0000-0000-0000-000000000000"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(mvc.get().uri("/api/v1/audit/exports?cursor=" + damaged).header("Authorization", admin.bearer()))
                .hasStatus(400);
    }
}
