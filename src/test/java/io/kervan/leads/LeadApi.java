package io.kervan.leads;

import io.kervan.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers for calling the leads API as a test user. */
final class LeadApi {

    private final MockMvcTester mvc;

    LeadApi(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    MvcTestResult post(TestUsers.TestUser user, String uri, String json) {
        return mvc.post().uri(uri).header("Authorization", user.bearer()).contentType(MediaType.APPLICATION_JSON)
                .content(json).exchange();
    }

    MvcTestResult patch(TestUsers.TestUser user, String uri, String json) {
        return mvc.patch().uri(uri).header("Authorization", user.bearer())
                .contentType(MediaType.valueOf("application/merge-patch+json")).content(json).exchange();
    }

    MvcTestResult get(TestUsers.TestUser user, String uri) {
        return mvc.get().uri(uri).header("Authorization", user.bearer()).exchange();
    }

    /** Creates a lead and returns its URI ({@code /api/v1/leads/{id}}). */
    String create(TestUsers.TestUser user, String json) {
        MvcTestResult result = post(user, "/api/v1/leads", json);
        assertThat(result).hasStatus(201);
        return result.getResponse().getHeader("Location");
    }

    String qualify(TestUsers.TestUser user, String location) {
        assertThat(patch(user, location, "{\"status\": \"qualified\"}")).hasStatusOk();
        return location;
    }

    static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
