package io.kervan.leads;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/** The first-response time: set once, by the first status change after creation or the first activity. */
@IntegrationTest
class LeadFirstResponseIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LeadService leads;

    LeadApi api;
    TestUsers.TestUser rep;

    @BeforeEach
    void signIn() {
        api = new LeadApi(mvc);
        rep = new TestUsers(context).create(Role.SALES_REP, null);
    }

    Instant firstResponse(String location) {
        return jdbc.sql("select first_response_at from leads where id = :id")
                .param("id", UUID.fromString(LeadApi.id(location)))
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant()).list().get(0);
    }

    @Test
    void theFirstStatusChangeSetsTheFirstResponseTimeAndLaterOnesDoNotMoveIt() {
        String lead = api.create(rep, "{\"lastName\": \"Response\"}");
        assertThat(api.patch(rep, lead, "{\"title\": \"Only a detail\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.firstResponseAt").isNull();
        MvcTestResult contacted = api.patch(rep, lead, "{\"status\": \"contacted\"}");
        assertThat(contacted).hasStatusOk().bodyJson().extractingPath("$.firstResponseAt").isNotNull();
        Instant first = firstResponse(lead);
        assertThat(first).isNotNull();
        // Make the recorded time clearly older, so a second write would show.
        jdbc.sql("update leads set first_response_at = first_response_at - interval '1 hour',"
                + " created_at = created_at - interval '2 hours' where id = :id")
                .param("id", UUID.fromString(LeadApi.id(lead))).update();
        Instant older = firstResponse(lead);
        assertThat(api.patch(rep, lead, "{\"status\": \"qualified\"}")).hasStatusOk();
        assertThat(firstResponse(lead)).isEqualTo(older);
        assertThat(api.get(rep, lead)).bodyJson().extractingPath("$.status").isEqualTo("qualified");
    }

    @Test
    void aFirstActivityRecordsTheResponseOnceAndNeverBeforeTheLeadWasCreated() {
        String lead = api.create(rep, "{\"lastName\": \"Activity\"}");
        UUID id = UUID.fromString(LeadApi.id(lead));
        Instant at = Instant.now().plusSeconds(240).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(leads.recordFirstResponse(id, at)).isTrue();
        assertThat(firstResponse(lead)).isEqualTo(at);
        assertThat(leads.recordFirstResponse(id, at.plusSeconds(3600))).isFalse();
        assertThat(firstResponse(lead)).isEqualTo(at);
        assertThat(api.patch(rep, lead, "{\"status\": \"contacted\"}")).hasStatusOk();
        assertThat(firstResponse(lead)).isEqualTo(at);

        String early = api.create(rep, "{\"lastName\": \"Early\"}");
        leads.recordFirstResponse(UUID.fromString(LeadApi.id(early)), Instant.parse("2000-01-01T00:00:00Z"));
        assertThat(firstResponse(early)).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void aLeadCreatedWithAStatusHasNoResponseYet() {
        String lead = api.create(rep, "{\"lastName\": \"Created contacted\", \"status\": \"contacted\"}");
        assertThat(firstResponse(lead)).isNull();
    }
}
