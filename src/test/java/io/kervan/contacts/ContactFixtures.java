package io.kervan.contacts;

import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users, companies and contacts with unique names for the contacts tests, which share one database
 * with every other integration test.
 */
final class ContactFixtures {

    static final String PASSWORD = TestUsers.PASSWORD;

    private final MockMvcTester mvc;
    private final TestUsers users;

    ContactFixtures(MockMvcTester mvc, ApplicationContext context) {
        this.mvc = mvc;
        this.users = new TestUsers(context);
    }

    record User(UUID id, String email, String bearer) {
    }

    User user(Role role) {
        return user(role, null);
    }

    User user(Role role, UUID teamId) {
        TestUsers.TestUser user = users.create(role, teamId);
        return new User(user.id(), user.email(), user.bearer());
    }

    /** A new team led by a new manager. */
    UUID team() {
        return users.team(user(Role.MANAGER).id()).id();
    }

    /** Eight random letters, to make names unique and searchable as one word. */
    static String token() {
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            token.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return token.toString();
    }

    /** A random valid Turkish mobile number in national form, {@code 0532 xxx xx xx}. */
    static String mobile() {
        int digits = ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        String d = Integer.toString(digits);
        return "0532 " + d.substring(0, 3) + " " + d.substring(3, 5) + " " + d.substring(5);
    }

    UUID company(User owner, String name) {
        MvcTestResult result = mvc.post().uri("/api/v1/companies").header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"" + name + "\"}").exchange();
        assertThat(result).hasStatus(201);
        return UUID.fromString(result.getResponse().getHeader("Location").replaceFirst(".*/", ""));
    }

    MvcTestResult postContact(User user, String json) {
        return mvc.post().uri("/api/v1/contacts").header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    UUID contact(User user, String json) {
        MvcTestResult result = postContact(user, json);
        assertThat(result).hasStatus(201);
        return UUID.fromString(result.getResponse().getHeader("Location").replaceFirst(".*/", ""));
    }
}
