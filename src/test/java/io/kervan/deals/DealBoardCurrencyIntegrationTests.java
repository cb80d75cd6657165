package io.kervan.deals;

import io.kervan.IntegrationTest;
import io.kervan.SignedInBrowserSession;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Board totals convert foreign-currency deals to TRY with the dated exchange rates; the won and lost
 * columns hold the deals closed in the last 30 days.
 */
@IntegrationTest
class DealBoardCurrencyIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void aWonDealInAForeignCurrencyCountsInTryAtTheRateOfItsCloseDate() {
        TestUsers users = new TestUsers(context);
        TestUsers.TestUser admin = users.create(Role.ADMIN, null);
        DealFixtures deals = new DealFixtures(mvc);
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        // An older rate and the one in force on the close date; a future rate must not be used.
        assertThat(deals.post(admin, "/api/v1/exchange-rates",
                "{\"currency\": \"DKK\", \"rateDate\": \"" + today.minusDays(30) + "\", \"rateToTry\": 3.0}")).hasStatus(201);
        assertThat(deals.post(admin, "/api/v1/exchange-rates",
                "{\"currency\": \"DKK\", \"rateDate\": \"" + today.minusDays(1) + "\", \"rateToTry\": 4.0}")).hasStatus(201);
        assertThat(deals.post(admin, "/api/v1/exchange-rates",
                "{\"currency\": \"DKK\", \"rateDate\": \"" + today.plusDays(400) + "\", \"rateToTry\": 9.0}")).hasStatus(201);
        String deal = deals.createDeal(admin, """
                {"title": "Copenhagen order", "pipelineId": "%s", "stageId": "%s", "value": 1000, "currency": "DKK"}"""
                .formatted(DealFixtures.PIPELINE, DealFixtures.QUALIFY));
        assertThat(deals.post(admin, "/api/v1/deals/" + deal + "/won", "{}")).hasStatusOk();

        Cookie session = SignedInBrowserSession.signIn(mvc, admin.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/deals/board").param("pipelineId", DealFixtures.PIPELINE)
                .param("ownerId", admin.id().toString()).cookie(session))
                .hasStatusOk().bodyText().contains("4,000.00 TRY").doesNotContain("column-not-converted\"");

        // The same totals reported in euros: DKK → TRY → EUR at the close date's rates.
        assertThat(deals.post(admin, "/api/v1/exchange-rates",
                "{\"currency\": \"EUR\", \"rateDate\": \"" + today.minusDays(1) + "\", \"rateToTry\": 40.0}")).hasStatus(201);
        assertThat(mvc.get().uri("/deals/board").param("pipelineId", DealFixtures.PIPELINE)
                .param("ownerId", admin.id().toString()).param("currency", "EUR").cookie(session))
                .hasStatusOk().bodyText().contains("100.00 EUR");
    }

    @Autowired
    DealTestClock clock;

    @Test
    void wonAndLostShowOnlyTheDealsClosedInTheLast30Days() {
        TestUsers users = new TestUsers(context);
        TestUsers.TestUser admin = users.create(Role.ADMIN, null);
        DealFixtures deals = new DealFixtures(mvc);
        java.time.Instant now = java.time.Instant.now();
        String old;
        try {
            clock.pin(now.minus(java.time.Duration.ofDays(31)));
            old = deals.createDeal(admin, """
                    {"title": "Closed long ago", "pipelineId": "%s", "stageId": "%s", "value": 700, "currency": "TRY"}"""
                    .formatted(DealFixtures.PIPELINE, DealFixtures.QUALIFY));
            assertThat(deals.post(admin, "/api/v1/deals/" + old + "/won", "{}")).hasStatusOk();
        } finally {
            clock.release();
        }
        String recent = deals.createDeal(admin, """
                {"title": "Closed this week", "pipelineId": "%s", "stageId": "%s", "value": 300, "currency": "TRY"}"""
                .formatted(DealFixtures.PIPELINE, DealFixtures.QUALIFY));
        assertThat(deals.post(admin, "/api/v1/deals/" + recent + "/won", "{}")).hasStatusOk();

        Cookie session = SignedInBrowserSession.signIn(mvc, admin.email(), TestUsers.PASSWORD);
        assertThat(mvc.get().uri("/deals/board").param("pipelineId", DealFixtures.PIPELINE)
                .param("ownerId", admin.id().toString()).cookie(session))
                .hasStatusOk().bodyText().contains("Closed this week", "300.00 TRY")
                .doesNotContain("Closed long ago", "1,000.00 TRY");
    }
}
