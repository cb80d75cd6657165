package io.kervan.activities;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.deals.DealTestClock;
import io.kervan.identity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static io.kervan.activities.ActivityApi.link;
import static org.assertj.core.api.Assertions.assertThat;

/** Activities and the pipeline: logging keeps a deal from going stale, a future meeting opens a gated stage. */
@IntegrationTest
class DealFollowUpIntegrationTests {

    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    @Autowired
    DealTestClock clock;

    ActivityApi api;
    TestUsers.TestUser admin;
    TestUsers.TestUser rep;

    @BeforeEach
    void users() {
        api = new ActivityApi(mvc, json);
        TestUsers users = new TestUsers(context);
        admin = users.create(Role.ADMIN, null);
        rep = users.create(Role.SALES_REP, null);
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void aLoggedActivityKeepsADealFreshForAnotherRottingPeriod() {
        JsonNode pipeline = api.body(api.post(admin, "/api/v1/pipelines", """
                {"name": "Rot %s", "stages": [{"name": "Only", "probability": 50, "rottingDays": 30}]}"""
                .formatted(UUID.randomUUID())));
        clock.pin(START);
        String deal = api.create(rep, "deals", "{\"title\": \"Idle\", \"pipelineId\": \"" + pipeline.get("id").asString() + "\"}");
        String stale = "/api/v1/deals?stale=true&pipelineId=" + pipeline.get("id").asString();

        clock.pin(START.plus(Duration.ofDays(31)));
        assertThat(api.get(rep, "/api/v1/deals/" + deal)).bodyJson().extractingPath("$.stale").isEqualTo(true);
        api.log(rep, "{\"type\": \"call\", \"outcome\": \"reached\", \"links\": [" + link("deal", deal) + "]}");
        assertThat(api.get(rep, "/api/v1/deals/" + deal)).bodyJson().extractingPath("$.stale").isEqualTo(false);
        assertThat(api.get(rep, "/api/v1/deals/" + deal)).bodyJson().extractingPath("$.lastActivityAt")
                .isEqualTo(START.plus(Duration.ofDays(31)).toString());
        assertThat(api.get(rep, stale)).bodyJson().extractingPath("$.items[*].id").asArray().doesNotContain(deal);

        clock.pin(START.plus(Duration.ofDays(61)));
        assertThat(api.get(rep, "/api/v1/deals/" + deal)).bodyJson().extractingPath("$.stale").isEqualTo(false);
        clock.pin(START.plus(Duration.ofDays(61)).plusSeconds(1));
        assertThat(api.get(rep, stale)).bodyJson().extractingPath("$.items[*].id").asArray().containsExactly(deal);
    }

    @Test
    void aStageRequiringANextActivityOpensOnceAFutureMeetingIsLinkedToTheDeal() {
        JsonNode pipeline = api.body(api.post(admin, "/api/v1/pipelines", """
                {"name": "Gate %s", "stages": [{"name": "Open", "probability": 10},
                  {"name": "Demo", "probability": 40, "requiresNextActivity": true}]}""".formatted(UUID.randomUUID())));
        String demo = pipeline.get("stages").get(1).get("id").asString();
        clock.pin(START);
        String deal = api.create(rep, "deals", "{\"title\": \"Gated\", \"pipelineId\": \"" + pipeline.get("id").asString() + "\"}");
        String move = "{\"stageId\": \"" + demo + "\"}";

        assertThat(api.post(rep, "/api/v1/deals/" + deal + "/stage", move)).hasStatus(422).bodyJson()
                .extractingPath("$.errors[0].field").isEqualTo("nextActivity");
        api.log(rep, "{\"type\": \"meeting\", \"startAt\": \"" + START.minusSeconds(3600) + "\", \"links\": ["
                + link("deal", deal) + "]}");
        api.log(rep, "{\"type\": \"call\", \"occurredAt\": \"" + START.plusSeconds(86400) + "\", \"links\": ["
                + link("deal", deal) + "]}");
        assertThat(api.post(rep, "/api/v1/deals/" + deal + "/stage", move)).hasStatus(422);

        String meeting = api.log(rep, "{\"type\": \"meeting\", \"startAt\": \"" + START.plusSeconds(86400) + "\", \"links\": ["
                + link("deal", deal) + "]}");
        assertThat(api.post(rep, "/api/v1/deals/" + deal + "/stage", move)).hasStatusOk().bodyJson()
                .extractingPath("$.stageId").isEqualTo(demo);

        // once the meeting has started it is no longer a plan: back and forth needs a new one
        assertThat(api.post(rep, "/api/v1/deals/" + deal + "/stage",
                "{\"stageId\": \"" + pipeline.get("stages").get(0).get("id").asString() + "\"}")).hasStatusOk();
        clock.pin(START.plusSeconds(86400));
        assertThat(api.post(rep, "/api/v1/deals/" + deal + "/stage", move)).hasStatus(422);
        assertThat(api.get(rep, "/api/v1/activities/" + meeting)).hasStatusOk();
    }
}
