package io.kervan.identity;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A fresh installation without KERVAN_ADMIN_* (a context and database of its own): the first visit
 * leads to the one-time setup page, which creates the admin once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.test.annotation.DirtiesContext(classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.AFTER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FirstRunSetupIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void beforeSetupEveryPageLeadsToTheSetupPageButHealthAndApiDoNot() {
        assertThat(jdbc.sql("select count(*) from users").query(Long.class).single()).isZero();
        assertThat(mvc.get().uri("/")).hasStatus3xxRedirection().redirectedUrl().endsWith("/setup");
        assertThat(mvc.get().uri("/login")).hasStatus3xxRedirection().redirectedUrl().endsWith("/setup");
        assertThat(mvc.get().uri("/setup")).hasStatusOk().bodyText().contains("Set up Kervan");
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/companies")).hasStatus(401);
    }

    @Test
    @Order(2)
    void theSetupFormRefusesMismatchedPasswordsAndBadEmails() {
        assertThat(mvc.post().uri("/setup").with(csrf()).param("email", "nope").param("firstName", "Ada")
                .param("lastName", "Kaya").param("password", "long-enough-1").param("passwordRepeat", "long-enough-1"))
                .hasStatusOk().bodyText().contains("This is not a valid e-mail address.");
        assertThat(mvc.post().uri("/setup").with(csrf()).param("email", "ada@kervan.test").param("firstName", "Ada")
                .param("lastName", "Kaya").param("password", "long-enough-1").param("passwordRepeat", "other-one-22"))
                .hasStatusOk().bodyText().contains("The passwords do not match.");
        assertThat(jdbc.sql("select count(*) from users").query(Long.class).single()).isZero();
    }

    @Test
    @Order(3)
    void theSetupPageCreatesTheFirstAdminOnce() {
        assertThat(mvc.post().uri("/setup").with(csrf()).param("email", "Ada@Kervan.test").param("firstName", "Ada")
                .param("lastName", "Kaya").param("password", "long-enough-1").param("passwordRepeat", "long-enough-1"))
                .hasStatus3xxRedirection().redirectedUrl().isEqualTo("/login?setup");
        assertThat(jdbc.sql("select role from users where email = 'ada@kervan.test'").query(String.class).single())
                .isEqualTo("ADMIN");
        assertThat(mvc.post().uri("/setup").with(csrf()).param("email", "eve@kervan.test").param("firstName", "Eve")
                .param("lastName", "Kaya").param("password", "long-enough-1").param("passwordRepeat", "long-enough-1"))
                .hasStatus3xxRedirection().redirectedUrl().isEqualTo("/login");
        assertThat(jdbc.sql("select count(*) from users").query(Long.class).single()).isOne();
        assertThat(mvc.get().uri("/setup")).hasStatus3xxRedirection().redirectedUrl().isEqualTo("/login");
        assertThat(mvc.perform(formLogin("/login").user("ada@kervan.test").password("long-enough-1")))
                .hasStatus3xxRedirection().hasRedirectedUrl("/");
    }
}
