package io.kervan.deals;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
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
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.ObjectMapper;

import static io.kervan.deals.DealFixtures.MEETING;
import static io.kervan.deals.DealFixtures.QUALIFY;
import static org.assertj.core.api.Assertions.assertThat;

/** Stage history with time in stage, and stale detection at its boundary, on a pinned clock. */
@IntegrationTest
class DealTimeIntegrationTests {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    DealTestClock clock;

    @Autowired
    ObjectMapper json;

    TestUsers.TestUser admin;
    TestUsers.TestUser rep;
    DealFixtures api;

    @BeforeEach
    void pinClock() {
        TestUsers users = new TestUsers(context);
        admin = users.create(Role.ADMIN, null);
        rep = users.create(Role.SALES_REP, null);
        api = new DealFixtures(mvc);
        clock.pin(START);
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    @Test
    void recordsEveryMoveWithWhoAndTheSecondsSpentInThePreviousStage() {
        String id = api.createDeal(rep, "{\"title\": \"Timed\"}");
        clock.advance(Duration.ofHours(1));
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + MEETING + "\"}")).hasStatusOk();
        clock.advance(Duration.ofDays(2).plusSeconds(30));
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/won", "{\"value\": 900}")).hasStatusOk();

        MvcTestResult history = api.get(rep, "/api/v1/deals/" + id + "/stage-history");
        assertThat(history).hasStatusOk();
        assertThat(history).bodyJson().extractingPath("$.items[*].toStageId").asArray()
                .containsExactly(QUALIFY, MEETING, MEETING);
        assertThat(history).bodyJson().extractingPath("$.items[*].toStatus").asArray()
                .containsExactly("open", "open", "won");
        assertThat(history).bodyJson().extractingPath("$.items[1].fromStageId").isEqualTo(QUALIFY);
        assertThat(history).bodyJson().extractingPath("$.items[1].secondsInPrevious").isEqualTo(3600);
        assertThat(history).bodyJson().extractingPath("$.items[2].secondsInPrevious").isEqualTo(2 * 86400 + 30);
        assertThat(history).bodyJson().extractingPath("$.items[2].movedBy").isEqualTo(rep.id().toString());
        assertThat(history).bodyJson().extractingPath("$.items[2].movedAt").isEqualTo("2026-03-04T10:00:30Z");

        clock.advance(Duration.ofMinutes(5));
        assertThat(api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + QUALIFY + "\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.stageEnteredAt").isEqualTo("2026-03-04T10:05:30Z");
        assertThat(api.get(rep, "/api/v1/deals/" + id + "/stage-history")).bodyJson()
                .extractingPath("$.items[3].secondsInPrevious").isEqualTo(300);
    }

    @Test
    void aDealTurnsStaleOnlyAfterItsStageRottingDaysHavePassed() throws Exception {
        MvcTestResult pipeline = api.post(admin, "/api/v1/pipelines", """
                {"name": "Rotting %s", "stages": [{"name": "Only", "probability": 50, "rottingDays": 30}]}"""
                .formatted(UUID.randomUUID()));
        String pipelineId = json.readTree(pipeline.getResponse().getContentAsString()).get("id").asString();
        String id = api.createDeal(rep, "{\"title\": \"Rotting deal\", \"pipelineId\": \"" + pipelineId + "\"}");
        String stale = "/api/v1/deals?stale=true&pipelineId=" + pipelineId;

        clock.pin(START.plus(Duration.ofDays(30)));
        assertThat(api.get(rep, stale)).bodyJson().extractingPath("$.items[*].id").asArray().doesNotContain(id);
        assertThat(api.get(rep, "/api/v1/deals/" + id)).bodyJson().extractingPath("$.stale").isEqualTo(false);

        clock.pin(START.plus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(api.get(rep, stale)).bodyJson().extractingPath("$.items[*].id").asArray().containsExactly(id);
        assertThat(api.get(rep, "/api/v1/deals/" + id)).bodyJson().extractingPath("$.stale").isEqualTo(true);
    }

    @Test
    void movingToAnotherStageRestartsTheRottingClock() {
        String id = api.createDeal(rep, "{\"title\": \"Fresh again\"}");
        clock.pin(START.plus(Duration.ofDays(91)));
        String stale = "/api/v1/deals?stale=true&ownerId=" + rep.id();
        assertThat(api.get(rep, stale)).bodyJson().extractingPath("$.items[*].id").asArray().contains(id);
        api.post(rep, "/api/v1/deals/" + id + "/stage", "{\"stageId\": \"" + MEETING + "\"}");
        assertThat(api.get(rep, stale)).bodyJson().extractingPath("$.items[*].id").asArray().doesNotContain(id);
    }

    @Test
    void aShorterRottingPeriodOnTheStageAppliesToDealsAlreadyInIt() throws Exception {
        MvcTestResult pipeline = api.post(admin, "/api/v1/pipelines", """
                {"name": "Shrink %s", "stages": [{"name": "Only", "probability": 50, "rottingDays": 60}]}"""
                .formatted(UUID.randomUUID()));
        var body = json.readTree(pipeline.getResponse().getContentAsString());
        String pipelineId = body.get("id").asString();
        String stageId = body.get("stages").get(0).get("id").asString();
        String id = api.createDeal(rep, "{\"title\": \"Shrinks\", \"pipelineId\": \"" + pipelineId + "\"}");
        clock.pin(START.plus(Duration.ofDays(20)));
        String stale = "/api/v1/deals?stale=true&pipelineId=" + pipelineId;
        assertThat(api.get(rep, stale)).bodyJson().extractingPath("$.items").asArray().isEmpty();
        assertThat(api.patch(admin, "/api/v1/pipelines/" + pipelineId, """
                {"stages": [{"id": "%s", "name": "Only", "probability": 50, "rottingDays": 10}]}""".formatted(stageId)))
                .hasStatusOk();
        assertThat(api.get(rep, stale)).bodyJson().extractingPath("$.items[*].id").asArray().containsExactly(id);
    }
}
