package io.kervan.deals;

import io.kervan.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the deals API as a given user; the seeded "New business" pipeline and its stages by id. */
final class DealFixtures {

    static final String PIPELINE = "01900000-0000-7000-8000-000000000001";
    static final String QUALIFY = "01900000-0000-7000-8000-000000000011";
    static final String MEETING = "01900000-0000-7000-8000-000000000012";
    static final String PROPOSAL = "01900000-0000-7000-8000-000000000013";
    static final String NEGOTIATION = "01900000-0000-7000-8000-000000000014";
    static final String REASON_PRICE = "01900000-0000-7000-8000-000000000021";

    private final MockMvcTester mvc;

    DealFixtures(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    MvcTestResult post(TestUsers.TestUser user, String uri, String json) {
        return mvc.post().uri(uri).header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    MvcTestResult get(TestUsers.TestUser user, String uri) {
        return mvc.get().uri(uri).header("Authorization", user.bearer()).exchange();
    }

    MvcTestResult patch(TestUsers.TestUser user, String uri, String json) {
        return mvc.patch().uri(uri).header("Authorization", user.bearer())
                .contentType("application/merge-patch+json").content(json).exchange();
    }

    /** Creates a deal and returns its id. */
    String createDeal(TestUsers.TestUser user, String json) {
        MvcTestResult result = post(user, "/api/v1/deals", json);
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    String createCompany(TestUsers.TestUser user, String name) {
        MvcTestResult result = post(user, "/api/v1/companies", "{\"name\": \"" + name + "\"}");
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
