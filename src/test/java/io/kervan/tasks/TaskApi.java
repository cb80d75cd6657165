package io.kervan.tasks;

import io.kervan.TestUsers;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the API as a test user; creates contacts and tasks for the tasks tests. */
public final class TaskApi {

    private final MockMvcTester mvc;

    public TaskApi(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    public MvcTestResult post(TestUsers.TestUser user, String uri, String json) {
        return mvc.post().uri(uri).header("Authorization", user.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    public MvcTestResult patch(TestUsers.TestUser user, String uri, String json) {
        return mvc.patch().uri(uri).header("Authorization", user.bearer())
                .contentType(MediaType.valueOf("application/merge-patch+json")).content(json).exchange();
    }

    public MvcTestResult get(TestUsers.TestUser user, String uri) {
        return mvc.get().uri(uri).header("Authorization", user.bearer()).exchange();
    }

    /** A contact owned by {@code owner}, visible to their team only if {@code visibleToTeam}. */
    public UUID contact(TestUsers.TestUser owner, String firstName, boolean visibleToTeam) {
        MvcTestResult result = post(owner, "/api/v1/contacts",
                "{\"firstName\": \"" + firstName + "\", \"lastName\": \"Yılmaz\", \"visibleToTeam\": " + visibleToTeam + "}");
        assertThat(result).hasStatus(201);
        return id(result);
    }

    /** Creates a task from JSON and returns its id. */
    public UUID task(TestUsers.TestUser user, String json) {
        MvcTestResult result = post(user, "/api/v1/tasks", json);
        assertThat(result).hasStatus(201);
        return id(result);
    }

    static UUID id(MvcTestResult result) {
        return UUID.fromString(result.getResponse().getHeader("Location").replaceFirst(".*/", ""));
    }
}
