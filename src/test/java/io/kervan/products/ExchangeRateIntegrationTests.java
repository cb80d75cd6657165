package io.kervan.products;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dated rates: USD and EUR in 2041, so that other modules' test rates of today do not interfere. */
@IntegrationTest
class ExchangeRateIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    ExchangeRateService rates;

    TestUsers.TestUser admin;
    TestUsers.TestUser manager;

    @BeforeEach
    void users() {
        TestUsers users = new TestUsers(context);
        admin = users.create(Role.ADMIN, null);
        manager = users.create(Role.MANAGER, null);
    }

    MvcTestResult post(TestUsers.TestUser user, String currency, String date, String rate) {
        return mvc.post().uri("/api/v1/exchange-rates").header("Authorization", user.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currency\": \"" + currency + "\", \"rateDate\": \"" + date + "\", \"rateToTry\": " + rate + "}")
                .exchange();
    }

    void rate(String currency, String date, String rate) {
        MvcTestResult result = post(admin, currency, date, rate);
        if (result.getResponse().getStatus() != 201) {
            // The rate exists from an earlier test in this shared database: same input, same rate.
            assertThat(result).hasStatus(400);
        }
    }

    @Test
    void convertsWithTheLatestRateOnOrBeforeTheDate() {
        rate("USD", "2041-11-20", "34.2150");
        rate("USD", "2041-11-25", "35.0000");
        LocalDate between = LocalDate.of(2041, 11, 24);
        assertThat(rates.convert(new BigDecimal("100"), "USD", "TRY", LocalDate.of(2041, 11, 20)))
                .isEqualByComparingTo("3421.50");
        assertThat(rates.convert(new BigDecimal("100"), "USD", "TRY", between)).isEqualByComparingTo("3421.50");
        assertThat(rates.convert(new BigDecimal("100"), "USD", "TRY", LocalDate.of(2041, 11, 25)))
                .isEqualByComparingTo("3500");
        assertThat(rates.convert(new BigDecimal("3421.50"), "TRY", "USD", between)).isEqualByComparingTo("100");
        assertThat(rates.convert(new BigDecimal("7"), "TRY", "TRY", between)).isEqualByComparingTo("7");
    }

    @Test
    void aRateTableConvertsLikeTheServiceOnEveryDayOfItsSpan() {
        rate("USD", "2041-11-20", "34.2150");
        rate("USD", "2041-11-25", "35.0000");
        rate("EUR", "2041-11-22", "40.5000");
        RateTable table = rates.rateTable(java.util.Set.of("USD", "EUR"), LocalDate.of(2041, 11, 23),
                LocalDate.of(2041, 11, 30));
        BigDecimal amount = new BigDecimal("1234.56");
        for (LocalDate day = LocalDate.of(2041, 11, 23); !day.isAfter(LocalDate.of(2041, 11, 30)); day = day.plusDays(1)) {
            for (String[] pair : new String[][] {{"USD", "TRY"}, {"TRY", "EUR"}, {"USD", "EUR"}, {"EUR", "EUR"}}) {
                assertThat(table.convert(amount, pair[0], pair[1], day)).as(pair[0] + "→" + pair[1] + " " + day)
                        .contains(rates.convert(amount, pair[0], pair[1], day));
            }
        }
        assertThat(table.convert(amount, "GBP", "TRY", LocalDate.of(2041, 11, 24))).as("no GBP rate").isEmpty();
    }

    @Test
    void aDateBeforeTheFirstRateIsRefusedNeverConvertedAtOne() {
        rate("USD", "2041-11-20", "34.2150");
        assertThatThrownBy(() -> rates.convert(new BigDecimal("100"), "USD", "TRY", LocalDate.of(1950, 1, 1)))
                .isInstanceOf(ExchangeRateMissingException.class).hasMessageContaining("USD");
        assertThat(rates.rateToTry("USD", LocalDate.of(1950, 1, 1))).isEmpty();
        MvcTestResult api = mvc.get().uri("/api/v1/exchange-rates/conversion?amount=1&from=USD&to=TRY&date=1950-01-01")
                .header("Authorization", manager.bearer()).exchange();
        assertThat(api).hasStatus(422).hasContentTypeCompatibleWith("application/problem+json");
    }

    @Test
    void crossRatesGoThroughTry() {
        rate("USD", "2041-11-20", "34.2150");
        rate("EUR", "2041-11-18", "36.5000");
        // 100 USD = 3421.50 TRY = 93.7397 EUR (3421.50 / 36.50)
        assertThat(rates.convert(new BigDecimal("100"), "USD", "EUR", LocalDate.of(2041, 11, 21)))
                .isEqualByComparingTo("93.7397");
        MvcTestResult api = mvc.get()
                .uri("/api/v1/exchange-rates/conversion?amount=100&from=usd&to=EUR&date=2041-11-21")
                .header("Authorization", manager.bearer()).exchange();
        assertThat(api).hasStatusOk().bodyJson().extractingPath("$.result").isEqualTo(93.7397);
        assertThatThrownBy(() -> rates.convert(new BigDecimal("100"), "USD", "EUR", LocalDate.of(2041, 11, 19)))
                .isInstanceOf(ExchangeRateMissingException.class).hasMessageContaining("USD");
    }

    @Test
    void onlyAdminsWriteRatesAndEveryoneReadsThemNewestFirst() {
        assertThat(post(manager, "GBP", "2041-01-02", "40")).hasStatus(403);
        rate("GBP", "2041-01-01", "41.1");
        rate("GBP", "2041-02-01", "42.2");
        MvcTestResult list = mvc.get().uri("/api/v1/exchange-rates?currency=gbp").header("Authorization", manager.bearer())
                .exchange();
        assertThat(list).hasStatusOk().bodyJson().extractingPath("$.items[*].rateDate").asArray()
                .containsSubsequence("2041-02-01", "2041-01-01");
        assertThat(list).bodyJson().extractingPath("$.items[*].currency").asArray().containsOnly("GBP");
        assertThat(mvc.get().uri("/api/v1/exchange-rates?currency=pounds").header("Authorization", manager.bearer()))
                .hasStatus(400);
    }

    @Test
    void rejectsInvalidAndDuplicateRatesWithFieldErrors() {
        MvcTestResult invalid = post(admin, "TRY", "2041-03-01", "0");
        assertThat(invalid).hasStatus(400);
        assertThat(invalid).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactlyInAnyOrder("currency", "rateToTry");
        assertThat(post(admin, "CHF", "not-a-date", "1")).hasStatus(400);
        rate("CHF", "2041-03-10", "38");
        MvcTestResult duplicate = post(admin, "CHF", "2041-03-10", "39");
        assertThat(duplicate).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("rateDate");
    }

    @Test
    void anAdminDeletesARate() {
        MvcTestResult created = post(admin, "SEK", "2041-04-01", "3.1");
        assertThat(created).hasStatus(201);
        String location = created.getResponse().getHeader("Location");
        assertThat(mvc.delete().uri(location).header("Authorization", manager.bearer())).hasStatus(403);
        assertThat(mvc.delete().uri(location).header("Authorization", admin.bearer())).hasStatus(204);
        assertThat(mvc.get().uri(location).header("Authorization", admin.bearer())).hasStatus(404);
        assertThat(rates.rateToTry("SEK", LocalDate.of(2041, 4, 2))).isEmpty();
    }
}
