package io.kervan.browser;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sales rep logs a call on a contact from the contact's page with the keyboard, sees it on the
 * contact's timeline at once and on the timeline of the contact's company; the next call form
 * remembers the outcome.
 */
@IntegrationTest
class ActivityTimelineBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    Browser browser;
    TestUsers.TestUser rep;

    @BeforeEach
    void openBrowser() throws Exception {
        rep = new TestUsers(context).create(Role.SALES_REP, null);
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        browser.close();
    }

    @Test
    void logsACallOnAContactAndSeesItOnTheContactsAndTheCompanysTimelines() throws Exception {
        String company = create("/api/v1/companies", "{\"name\": \"Yıldız Kalıp " + UUID.randomUUID().toString().substring(0, 6) + "\"}");
        String contact = create("/api/v1/contacts", """
                {"firstName": "Ayşe", "lastName": "Çelik", "companies": [{"companyId": "%s"}]}""".formatted(company));
        signIn();

        browser.open("/contacts/" + contact);
        browser.waitFor(By.id("log-call"));
        browser.waitUntil(d -> d.findElement(By.id("timeline-items")).getText().contains("Created"));
        // "c" opens the call form, the subject has the focus
        browser.driver().findElement(By.tagName("body")).sendKeys("c");
        browser.waitFor(By.id("activity-form"));
        browser.waitUntil(d -> "activity-subject".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.click(By.cssSelector("label[for='outcome-reached']"));
        browser.driver().findElement(By.id("activity-subject")).sendKeys("Fiyat teklifi konuşuldu");
        browser.driver().findElement(By.id("activity-body")).sendKeys("Çarşamba günü numune gönderilecek.");
        browser.driver().findElement(By.id("activity-duration")).sendKeys("7");
        browser.screenshot("activities-01-call-form");
        browser.driver().findElement(By.id("activity-body")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));

        browser.waitFor(By.cssSelector(".activity-logged"));
        browser.waitUntil(d -> d.findElement(By.id("timeline-items")).getText().contains("Fiyat teklifi konuşuldu"));
        String item = browser.driver().findElement(By.cssSelector("#timeline-items .timeline-item[data-kind='activity']")).getText();
        assertThat(item).contains("Call", "Fiyat teklifi konuşuldu", "Reached", "Outgoing", "7 min",
                "Çarşamba günü numune gönderilecek.", rep.user().displayName());
        browser.screenshot("activities-02-contact-timeline");

        // the next call starts from the last outcome
        browser.click(By.id("log-call"));
        browser.waitUntil(d -> !d.findElements(By.id("outcome-reached")).isEmpty());
        assertThat(browser.driver().findElement(By.id("outcome-reached")).isSelected()).isTrue();
        browser.driver().findElement(By.id("activity-subject")).sendKeys(Keys.ESCAPE);
        browser.waitUntil(d -> d.findElements(By.id("activity-form")).isEmpty());

        browser.open("/companies/" + company);
        browser.waitUntil(d -> d.findElement(By.id("timeline-items")).getText().contains("Fiyat teklifi konuşuldu"));
        assertThat(browser.driver().findElement(By.cssSelector("#timeline-items .timeline-about")).getText())
                .isEqualTo("Ayşe Çelik");
        browser.screenshot("activities-03-company-timeline");

        // the filter narrows the timeline to record events
        new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("timeline-filter-select")))
                .selectByValue("event");
        browser.waitUntil(d -> !d.findElement(By.id("timeline-items")).getText().contains("Fiyat teklifi"));

        // on a phone the log buttons and the form stay usable
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        browser.open("/contacts/" + contact);
        browser.click(By.id("log-meeting"));
        browser.waitFor(By.id("activity-start"));
        browser.screenshot("activities-04-phone-meeting-form");
    }

    private void signIn() {
        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys(rep.email());
        browser.driver().findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitFor(By.id("current-user"));
    }

    private String create(String uri, String json) throws Exception {
        MvcTestResult result = mvc.post().uri(uri).header("Authorization", rep.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
