package io.kervan.web;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@IntegrationTest
class LanguageIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLoginPageFollowsTheBrowsersLanguage() {
        assertThat(mvc.get().uri("/login").header("Accept-Language", "tr-TR,tr;q=0.9")).bodyText().contains("Giriş yap");
        assertThat(mvc.get().uri("/login").header("Accept-Language", "en-US")).bodyText().contains("Sign in");
    }

    @Test
    void aUsersLanguageChoiceIsSavedAndUsedOnEveryPage() {
        TestUsers.TestUser user = new TestUsers(context).create(Role.SALES_REP, null);
        Cookie session = SignedInBrowserSession.signIn(mvc, user.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/companies").cookie(session)).bodyText().contains("Companies");
        assertThat(mvc.post().uri("/preferences/language").cookie(session).with(csrf()).param("lang", "tr"))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/companies").cookie(session)).bodyText().contains("Firmalar").contains("Yeni firma");
        assertThat(jdbc.sql("select locale from users where id = :id").param("id", user.id()).query(String.class).single())
                .isEqualTo("tr");
        Cookie nextDay = SignedInBrowserSession.signIn(mvc, user.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/").cookie(nextDay)).bodyText().contains("Hoş geldiniz");
    }
}
