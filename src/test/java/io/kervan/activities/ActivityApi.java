package io.kervan.activities;

import io.kervan.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the API as a given user, and creates the records activities are linked to. */
final class ActivityApi {

    private final MockMvcTester mvc;
    private final ObjectMapper json;

    ActivityApi(MockMvcTester mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    MvcTestResult post(TestUsers.TestUser user, String uri, String body) {
        return mvc.post().uri(uri).header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    MvcTestResult get(TestUsers.TestUser user, String uri) {
        return mvc.get().uri(uri).header("Authorization", user.bearer()).exchange();
    }

    MvcTestResult patch(TestUsers.TestUser user, String uri, String body) {
        return mvc.patch().uri(uri).header("Authorization", user.bearer())
                .contentType("application/merge-patch+json").content(body).exchange();
    }

    JsonNode body(MvcTestResult result) {
        try {
            return json.readTree(result.getResponse().getContentAsString());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a record through its API and returns its id. */
    String create(TestUsers.TestUser user, String collection, String body) {
        MvcTestResult result = post(user, "/api/v1/" + collection, body);
        assertThat(result).hasStatus(201);
        return body(result).get("id").asString();
    }

    String company(TestUsers.TestUser user, String name) {
        return create(user, "companies", "{\"name\": \"" + name + "\"}");
    }

    String contact(TestUsers.TestUser user, String firstName, String companyId) {
        return create(user, "contacts", companyId == null ? "{\"firstName\": \"" + firstName + "\"}"
                : "{\"firstName\": \"" + firstName + "\", \"companies\": [{\"companyId\": \"" + companyId + "\"}]}");
    }

    String deal(TestUsers.TestUser user, String title, String companyId) {
        return create(user, "deals", companyId == null ? "{\"title\": \"" + title + "\"}"
                : "{\"title\": \"" + title + "\", \"companyId\": \"" + companyId + "\"}");
    }

    String lead(TestUsers.TestUser user, String firstName) {
        return create(user, "leads", "{\"firstName\": \"" + firstName + "\", \"lastName\": \"Aday\"}");
    }

    /** Logs an activity and returns its id. */
    String log(TestUsers.TestUser user, String body) {
        MvcTestResult result = post(user, "/api/v1/activities", body);
        assertThat(result).hasStatus(201);
        return body(result).get("id").asString();
    }

    static String link(String type, String id) {
        return "{\"recordType\": \"" + type + "\", \"recordId\": \"" + id + "\"}";
    }
}
