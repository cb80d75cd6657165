package io.kervan.deals;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PipelineApiIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ObjectMapper json;

    TestUsers.TestUser admin;
    TestUsers.TestUser rep;
    DealFixtures api;

    @BeforeEach
    void users() {
        TestUsers users = new TestUsers(context);
        admin = users.create(Role.ADMIN, null);
        rep = users.create(Role.SALES_REP, null);
        api = new DealFixtures(mvc);
    }

    String pipelineJson(String name) {
        return """
                {"name": "%s", "stages": [
                  {"name": "Qualify", "probability": 10, "rottingDays": 30,
                   "requiredFields": ["value", "expectedCloseDate", "contactIds"], "requiresNextActivity": false},
                  {"name": "Proposal", "probability": 60, "requiredFields": ["value"], "requiresNextActivity": true}]}"""
                .formatted(name);
    }

    @Test
    void seedsTheNewBusinessPipelineWithGatedStagesInOrder() {
        MvcTestResult result = api.get(rep, "/api/v1/pipelines/" + DealFixtures.PIPELINE);
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.name").isEqualTo("New business");
        assertThat(result).bodyJson().extractingPath("$.nameTr").isEqualTo("Yeni iş");
        assertThat(result).bodyJson().extractingPath("$.stages[*].name")
                .asArray().containsExactly("Qualify", "Meeting", "Proposal", "Negotiation");
        assertThat(result).bodyJson().extractingPath("$.stages[3].requiredFields")
                .asArray().containsExactly("value", "expectedCloseDate", "companyId");
        assertThat(result).bodyJson().extractingPath("$.stages[2].probability").isEqualTo(60);
    }

    @Test
    void seedsTheLostReasonsWithTurkishLabels() {
        MvcTestResult result = api.get(rep, "/api/v1/lost-reasons");
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.items[*].name").asArray()
                .contains("Price", "Competitor", "No budget", "No decision", "Timing", "Product fit", "Other");
        assertThat(result).bodyJson().extractingPath("$.items[2].nameTr").isEqualTo("Bütçe yok");
    }

    @Test
    void anAdminCreatesAPipelineAndGetsStagesWithIdsInOrder() {
        String name = "Renewals " + UUID.randomUUID();
        MvcTestResult result = api.post(admin, "/api/v1/pipelines", pipelineJson(name));
        assertThat(result).hasStatus(201).hasHeader("ETag", "\"0\"");
        assertThat(result).bodyJson().extractingPath("$.stages[0].id").isNotNull();
        assertThat(result).bodyJson().extractingPath("$.stages[0].rottingDays").isEqualTo(30);
        assertThat(result).bodyJson().extractingPath("$.stages[1].rottingDays").isEqualTo(90);
        assertThat(result).bodyJson().extractingPath("$.stages[1].requiresNextActivity").isEqualTo(true);
        assertThat(result).bodyJson().extractingPath("$.stages[*].name").asArray().containsExactly("Qualify", "Proposal");
    }

    @Test
    void refusesAProbabilityOutOfRange() {
        MvcTestResult result = api.post(admin, "/api/v1/pipelines",
                "{\"name\": \"Bad\", \"stages\": [{\"name\": \"A\", \"probability\": 101}]}");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("stages[0].probability");
    }

    @Test
    void refusesAnUnknownRequiredField() {
        MvcTestResult result = api.post(admin, "/api/v1/pipelines",
                "{\"name\": \"Bad\", \"stages\": [{\"name\": \"A\", \"probability\": 5, \"requiredFields\": [\"shoeSize\"]}]}");
        assertThat(result).hasStatus(400);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("stages[0].requiredFields");
    }

    @Test
    void refusesAPipelineWithoutStagesAndUnknownFields() {
        assertThat(api.post(admin, "/api/v1/pipelines", "{\"name\": \"Empty\", \"stages\": []}")).hasStatus(400);
        assertThat(api.post(admin, "/api/v1/pipelines", "{\"name\": \"X\", \"colour\": \"red\", \"stages\": []}"))
                .hasStatus(400);
        assertThat(api.post(admin, "/api/v1/pipelines",
                "{\"name\": \"X\", \"stages\": [{\"name\": \"A\", \"probability\": \"lots\"}]}")).hasStatus(400);
    }

    @Test
    void aSalesRepMayReadButNotCreatePipelines() {
        assertThat(api.get(rep, "/api/v1/pipelines")).hasStatusOk();
        assertThat(api.post(rep, "/api/v1/pipelines", pipelineJson("Mine"))).hasStatus(403);
    }

    @Test
    void renamesReordersAndRetiresStagesKeepingTheirIds() throws Exception {
        MvcTestResult created = api.post(admin, "/api/v1/pipelines", pipelineJson("Reorder " + UUID.randomUUID()));
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        String id = body.get("id").asString();
        String first = body.get("stages").get(0).get("id").asString();
        String second = body.get("stages").get(1).get("id").asString();
        MvcTestResult patched = api.patch(admin, "/api/v1/pipelines/" + id, """
                {"stages": [{"id": "%s", "name": "Offer", "probability": 50},
                            {"name": "Closing", "probability": 90},
                            {"id": "%s", "name": "Qualify", "probability": 10, "retired": true}]}"""
                .formatted(second, first));
        assertThat(patched).hasStatusOk();
        assertThat(patched).bodyJson().extractingPath("$.stages[*].name").asArray()
                .containsExactly("Offer", "Closing", "Qualify");
        assertThat(patched).bodyJson().extractingPath("$.stages[0].id").isEqualTo(second);
        assertThat(patched).bodyJson().extractingPath("$.stages[2].retired").isEqualTo(true);
    }

    @Test
    void aPipelineInUseCannotBeDeletedOnlyArchived() throws Exception {
        MvcTestResult created = api.post(admin, "/api/v1/pipelines", pipelineJson("In use " + UUID.randomUUID())
                .replace("\"requiresNextActivity\": true", "\"requiresNextActivity\": false"));
        String id = json.readTree(created.getResponse().getContentAsString()).get("id").asString();
        String stage = json.readTree(created.getResponse().getContentAsString()).get("stages").get(1).get("id").asString();
        api.createDeal(admin, """
                {"title": "Uses the pipeline", "pipelineId": "%s", "stageId": "%s", "value": 5}"""
                .formatted(id, stage));
        assertThat(mvc.delete().uri("/api/v1/pipelines/" + id).header("Authorization", admin.bearer())).hasStatus(409);
        assertThat(api.get(admin, "/api/v1/pipelines/" + id)).hasStatusOk();
        assertThat(api.post(admin, "/api/v1/pipelines/" + id + "/archive", "{}")).hasStatusOk()
                .bodyJson().extractingPath("$.archived").isEqualTo(true);
    }

    @Test
    void anUnusedPipelineCanBeDeleted() throws Exception {
        MvcTestResult created = api.post(admin, "/api/v1/pipelines", pipelineJson("Unused " + UUID.randomUUID()));
        String id = json.readTree(created.getResponse().getContentAsString()).get("id").asString();
        assertThat(mvc.delete().uri("/api/v1/pipelines/" + id).header("Authorization", admin.bearer())).hasStatus(204);
        assertThat(api.get(admin, "/api/v1/pipelines/" + id)).hasStatus(404);
    }

    @Test
    void aStageRequiringANextActivityIsNotSatisfiedByTheDealsOwnNextStepDate() throws Exception {
        MvcTestResult created = api.post(admin, "/api/v1/pipelines", """
                {"name": "Next step %s", "stages": [{"name": "Open", "probability": 10},
                  {"name": "Demo", "probability": 40, "requiresNextActivity": true}]}""".formatted(UUID.randomUUID()));
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        String pipelineId = body.get("id").asString();
        String demo = body.get("stages").get(1).get("id").asString();
        String deal = api.createDeal(rep, "{\"title\": \"Demo deal\", \"pipelineId\": \"" + pipelineId + "\"}");
        MvcTestResult refused = api.post(rep, "/api/v1/deals/" + deal + "/stage", "{\"stageId\": \"" + demo + "\"}");
        assertThat(refused).hasStatus(422).bodyJson().extractingPath("$.errors[0].field").isEqualTo("nextActivity");
        // Only a planned task or meeting linked to the deal counts (see activities.DealFollowUpIntegrationTests).
        api.patch(rep, "/api/v1/deals/" + deal, "{\"nextStepAt\": \"2999-01-01T09:00:00Z\"}");
        assertThat(api.post(rep, "/api/v1/deals/" + deal + "/stage", "{\"stageId\": \"" + demo + "\"}")).hasStatus(422);
    }

    @Test
    void aRetiredStageKeepsItsDealsButAcceptsNoNewMoves() throws Exception {
        MvcTestResult created = api.post(admin, "/api/v1/pipelines", """
                {"name": "Retire %s", "stages": [{"name": "A", "probability": 10}, {"name": "B", "probability": 50}]}"""
                .formatted(UUID.randomUUID()));
        JsonNode body = json.readTree(created.getResponse().getContentAsString());
        String pipelineId = body.get("id").asString();
        String a = body.get("stages").get(0).get("id").asString();
        String b = body.get("stages").get(1).get("id").asString();
        String inB = api.createDeal(rep, "{\"title\": \"In B\", \"stageId\": \"" + b + "\"}");
        String inA = api.createDeal(rep, "{\"title\": \"In A\", \"pipelineId\": \"" + pipelineId + "\"}");
        assertThat(api.patch(admin, "/api/v1/pipelines/" + pipelineId,
                "{\"stages\": [{\"id\": \"" + a + "\", \"name\": \"A\", \"probability\": 10}]}")).hasStatusOk()
                .bodyJson().extractingPath("$.stages[1].retired").isEqualTo(true);
        assertThat(api.get(rep, "/api/v1/deals/" + inB)).bodyJson().extractingPath("$.stageId").isEqualTo(b);
        assertThat(api.post(rep, "/api/v1/deals/" + inA + "/stage", "{\"stageId\": \"" + b + "\"}")).hasStatus(422)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("stageId");
    }
}
