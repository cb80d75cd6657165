package io.kervan.browser;

import io.kervan.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in a real browser: signs in, creates a company and a contact linked to it, finds the
 * contact by searching without Turkish letters, and opens the contact's 360° page.
 */
@IntegrationTest
class CustomerJourneyBrowserTests {

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

        // The admin menu opens and leads to the pipeline settings.
        browser.click(By.cssSelector("#admin-menu .dropdown-toggle"));
        browser.click(By.cssSelector("#admin-menu a[href='/admin/pipelines']"));
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/pipelines"));
        assertThat(browser.driver().getPageSource()).contains("New business");
    }

    @Test
    void createsACompanyAndALinkedContactAndFindsTheContactWithAFoldedQuery() throws Exception {
        signIn();
        browser.open("/companies/new");
        browser.waitFor(By.id("name")).sendKeys("Çiçekçi Gıda Ltd. Şti.");
        browser.driver().findElement(By.id("city")).sendKeys("Eskişehir");
        browser.click(By.id("save"));
        browser.waitFor(By.id("record-title"));

        // The company page loads its contacts card with htmx and offers a new contact linked to it.
        browser.click(By.id("new-company-contact"));
        browser.waitFor(By.id("firstName")).sendKeys("Gülşen");
        browser.driver().findElement(By.id("lastName")).sendKeys("Işıkoğlu");
        browser.driver().findElement(By.name("emails[0]")).sendKeys("Gulsen@Cicekci.example");
        browser.driver().findElement(By.name("phones[0]")).sendKeys("0532 987 65 43");
        assertThat(new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.name("companies[0].companyId")))
                .getFirstSelectedOption().getText()).isEqualTo("Çiçekçi Gıda Ltd. Şti.");
        browser.screenshot("06-contact-form");
        browser.click(By.id("save"));
        assertThat(browser.waitFor(By.id("record-title")).getText()).contains("Gülşen Işıkoğlu");

        browser.open("/contacts");
        browser.waitFor(By.id("q")).sendKeys("GULSEN ISIKOGLU");
        browser.waitUntil(d -> d.getCurrentUrl().contains("q=GULSEN"));
        browser.waitUntil(d -> !d.findElements(By.cssSelector(".contact-link")).isEmpty()
                && d.findElements(By.cssSelector(".contact-link")).stream()
                .allMatch(link -> link.getText().contains("Gülşen Işıkoğlu")));
        browser.screenshot("07-contact-search");
        browser.click(By.cssSelector(".contact-link"));

        assertThat(browser.waitFor(By.id("record-title")).getText()).contains("Gülşen Işıkoğlu");
        assertThat(browser.waitFor(By.id("contact-companies")).getText()).contains("Çiçekçi Gıda Ltd. Şti.");
        assertThat(browser.driver().findElement(By.id("contact-details")).getText())
                .contains("gulsen@cicekci.example").contains("+90 532 987 65 43");
        assertThat(browser.driver().findElement(By.id("timeline")).isDisplayed()).isTrue();
        browser.waitUntil(d -> d.findElement(By.id("change-history")).getText().contains("Created"));
        browser.screenshot("08-contact-360");
    }
}
