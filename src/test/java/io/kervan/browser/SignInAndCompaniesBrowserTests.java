package io.kervan.browser;

import io.kervan.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A person in a real browser: signs in, creates a company, finds it with a folded query. */
@IntegrationTest
class SignInAndCompaniesBrowserTests {

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        browser.close();
    }

    void signIn() {
        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys("admin@kervan.test");
        browser.driver().findElement(By.id("password")).sendKeys("admin-password-1");
        browser.click(By.id("sign-in"));
        browser.waitFor(By.id("current-user"));
    }

    @Test
    void signsInCreatesACompanyAndFindsItBySearchingWithoutTurkishLetters() throws Exception {
        browser.open("/login");
        browser.waitFor(By.id("username"));
        browser.screenshot("01-login");
        signIn();
        browser.open("/companies/new");
        browser.waitFor(By.id("name")).sendKeys("Öztürk Şekerleme Sanayi");
        browser.driver().findElement(By.id("phone")).sendKeys("0212 444 55 66");
        browser.driver().findElement(By.id("city")).sendKeys("İstanbul");
        browser.driver().findElement(By.id("email")).sendKeys("not-an-email");
        browser.screenshot("02-company-form");
        browser.click(By.id("save"));
        assertThat(browser.waitFor(By.cssSelector("#email + .invalid-feedback, .invalid-feedback")).getText())
                .contains("e-mail");
        browser.screenshot("03-company-form-errors");
        browser.driver().findElement(By.id("email")).clear();
        browser.click(By.id("save"));
        assertThat(browser.waitFor(By.id("record-title")).getText()).contains("Öztürk Şekerleme Sanayi");
        browser.screenshot("04-company-detail");

        browser.open("/companies");
        browser.waitFor(By.id("q")).sendKeys("ozturk sekerleme");
        // htmx replaces the results and records the query in the address bar, without a page load.
        browser.waitUntil(d -> d.getCurrentUrl().contains("q=ozturk"));
        browser.waitUntil(d -> d.findElements(By.cssSelector(".company-link")).stream()
                .allMatch(link -> link.getText().equals("Öztürk Şekerleme Sanayi")));
        assertThat(browser.driver().findElements(By.cssSelector(".company-link"))).hasSize(1);
        browser.screenshot("05-company-search");
    }
}
