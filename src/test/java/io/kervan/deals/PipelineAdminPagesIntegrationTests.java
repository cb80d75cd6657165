package io.kervan.deals;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import jakarta.servlet.http.Cookie;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** The admin pages for pipelines, stages and lost reasons. */
@IntegrationTest
class PipelineAdminPagesIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    PipelineService pipelines;

    TestUsers.TestUser admin;
    Cookie session;

    @BeforeEach
    void signIn() {
        admin = new TestUsers(context).create(Role.ADMIN, null);
        session = SignedInBrowserSession.signIn(mvc, admin.email(), TestUsers.PASSWORD);
    }

    MvcTestResult post(String uri, String... params) {
        var request = mvc.post().uri(uri).cookie(session).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    @Test
    void createsAPipelineWithStagesThroughTheForm() {
        String name = "Fuar " + UUID.randomUUID();
        MvcTestResult created = post("/admin/pipelines", "name", name, "nameTr", "Fuar",
                "stages[0].name", "First contact", "stages[0].probability", "20", "stages[0].rottingDays", "14",
                "stages[0].requiredFields", "value", "stages[0].requiredFields", "contactIds",
                "stages[1].name", "Offer", "stages[1].probability", "70", "stages[1].requiresNextActivity", "true",
                "action", "save");
        assertThat(created).hasStatus3xxRedirection();
        PipelineView pipeline = pipelines.list(true).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        assertThat(pipeline.stages()).extracting(StageView::name).containsExactly("First contact", "Offer");
        assertThat(pipeline.stages().get(0).requiredFields()).containsExactly(RequiredField.VALUE, RequiredField.CONTACT_IDS);
        assertThat(pipeline.stages().get(1).requiresNextActivity()).isTrue();
        assertThat(mvc.get().uri(created.getResponse().getRedirectedUrl()).cookie(session)).hasStatusOk()
                .bodyText().contains("First contact").contains("stages[1].name");
    }

    @Test
    void showsAProbabilityOutOfRangeInlineAndAddsAndMovesRowsWithoutSaving() throws Exception {
        MvcTestResult invalid = post("/admin/pipelines", "name", "Invalid", "stages[0].name", "A",
                "stages[0].probability", "150", "action", "save");
        assertThat(invalid).hasStatusOk().bodyText().contains("Probability must be between 0 and 100.");
        MvcTestResult added = post("/admin/pipelines", "name", "Rows", "stages[0].name", "A",
                "stages[0].probability", "10", "action", "add");
        assertThat(added).hasStatusOk().bodyText().contains("stage-row-1");
        MvcTestResult moved = post("/admin/pipelines", "name", "Rows", "stages[0].name", "Alpha",
                "stages[0].probability", "10", "stages[1].name", "Beta", "stages[1].probability", "20",
                "action", "up:1");
        String body = moved.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body.indexOf("value=\"Beta\"")).isLessThan(body.indexOf("value=\"Alpha\""));
        assertThat(pipelines.list(true)).extracting(PipelineView::name).doesNotContain("Rows");
    }

    @Test
    void refusesToDeleteTheSeededPipelineInUse() {
        new DealFixtures(mvc).createDeal(admin, "{\"title\": \"Keeps the pipeline\"}");
        MvcTestResult result = post("/admin/pipelines/" + DealFixtures.PIPELINE + "/delete");
        assertThat(result).hasStatus3xxRedirection();
        assertThat(pipelines.get(UUID.fromString(DealFixtures.PIPELINE))).isNotNull();
    }

    @Test
    void addsALostReasonAndRefusesABlankOne() {
        String name = "Payment terms " + UUID.randomUUID();
        assertThat(post("/admin/lost-reasons", "name", name, "nameTr", "Ödeme koşulları")).hasStatus3xxRedirection();
        assertThat(pipelines.lostReasons(false)).extracting(LostReasonView::name).contains(name);
        assertThat(post("/admin/lost-reasons", "name", " ")).hasStatusOk().bodyText().contains("invalid-feedback");
        assertThat(mvc.get().uri("/admin/lost-reasons").cookie(session)).hasStatusOk().bodyText().contains("Bütçe yok");
    }

    @Test
    void aSalesRepMayNotOpenTheAdminPages() {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        Cookie repSession = SignedInBrowserSession.signIn(mvc, rep.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/admin/pipelines").cookie(repSession)).hasStatus(403);
    }
}
