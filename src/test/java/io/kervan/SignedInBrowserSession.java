package io.kervan;

import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

/**
 * Signs in through the real login form and hands back the session cookie, as a browser keeps it.
 * Sessions live in PostgreSQL (Spring Session JDBC), so the cookie, not a MockHttpSession, carries them.
 */
public final class SignedInBrowserSession {

    private SignedInBrowserSession() {
    }

    public static Cookie signIn(MockMvcTester mvc, String email, String password) {
        MvcTestResult result = mvc.perform(formLogin("/login").user(email).password(password));
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        Cookie session = result.getResponse().getCookie("SESSION");
        assertThat(session).as("session cookie").isNotNull();
        return session;
    }
}
