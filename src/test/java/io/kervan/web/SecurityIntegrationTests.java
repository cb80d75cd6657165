package io.kervan.web;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IntegrationTest
class SecurityIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void pagesRequireSignInAndSendTheLoginPage() {
        assertThat(mvc.get().uri("/companies")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("name=\"_csrf\"");
    }

    @Test
    void everyPageForbidsInlineScriptThroughTheContentSecurityPolicy() {
        String policy = mvc.get().uri("/login").exchange().getResponse().getHeader("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").doesNotContain("unsafe-inline' ;").contains("frame-ancestors 'none'");
        assertThat(policy.substring(policy.indexOf("script-src"), policy.indexOf(';', policy.indexOf("script-src"))))
                .doesNotContain("unsafe");
        assertThat(mvc.get().uri("/login")).hasHeader("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theLoginPageHasNoInlineScript() {
        assertThat(mvc.get().uri("/login")).bodyText().doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void aSignedInSessionIsStoredInPostgresql() {
        Cookie session = SignedInBrowserSession.signIn(mvc, "admin@kervan.test", "admin-password-1");
        assertThat(mvc.get().uri("/companies").cookie(session)).hasStatusOk();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'admin@kervan.test'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void formPostsWithoutACsrfTokenAreRefused() {
        Cookie session = SignedInBrowserSession.signIn(mvc, "admin@kervan.test", "admin-password-1");
        assertThat(mvc.post().uri("/companies").cookie(session).param("name", "No token")).hasStatus(403);
        assertThat(mvc.post().uri("/companies").cookie(session).with(csrf()).param("name", "With token"))
                .hasStatus3xxRedirection();
    }

    @Test
    void htmxRequestsCarryTheCsrfTokenInAHeader() {
        Cookie session = SignedInBrowserSession.signIn(mvc, "admin@kervan.test", "admin-password-1");
        assertThat(mvc.get().uri("/companies").cookie(session)).bodyText().contains("name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"").contains("/js/kervan.js");
    }

    @Test
    void signingOutEndsTheSession() {
        Cookie session = SignedInBrowserSession.signIn(mvc, "admin@kervan.test", "admin-password-1");
        assertThat(mvc.post().uri("/logout").cookie(session).with(csrf())).hasStatus3xxRedirection()
                .redirectedUrl().isEqualTo("/login?logout");
        assertThat(mvc.get().uri("/companies").cookie(session)).hasStatus3xxRedirection();
    }

    @Test
    void apiDocsArePublished() {
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyText().contains("/api/v1/companies");
        assertThat(mvc.get().uri("/api/docs")).hasStatus3xxRedirection().redirectedUrl()
                .isEqualTo("/api/swagger-ui/index.html");
        assertThat(mvc.get().uri("/api/swagger-ui/index.html")).hasStatusOk();
    }

    @Test
    void prometheusMetricsNeedAnAdmin(@Autowired org.springframework.context.ApplicationContext context) {
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(401);
        io.kervan.TestUsers users = new io.kervan.TestUsers(context);
        assertThat(mvc.get().uri("/actuator/prometheus")
                .header("Authorization", users.create(io.kervan.identity.Role.SALES_REP, null).bearer())).hasStatus(403);
        assertThat(mvc.get().uri("/actuator/prometheus")
                .header("Authorization", users.create(io.kervan.identity.Role.ADMIN, null).bearer()))
                .hasStatusOk().bodyText().contains("jvm_memory_used_bytes").contains("http_server_requests");
    }
}
