package io.kervan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A rep jumps to the top bar's search box with "/", types a customer's name with Turkish letters left out, picks
 * the contact from the suggestions with the arrow key, then presses Enter on another query and reads the full
 * results page.
 */
@IntegrationTest
class GlobalSearchBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvcTester mvc;

    Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        browser.close();
    }

    String create(TestUsers.TestUser owner, String resource, String json) {
        var result = mvc.post().uri("/api/v1/" + resource).header("Authorization", owner.bearer())
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void suggestionsLeadToTheRecordAndEnterOpensAllResults() throws Exception {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        String word = "gul" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36);
        String contact = create(rep, "contacts",
                "{\"firstName\": \"Gülşen\", \"lastName\": \"Öztürk" + word + "\", \"emails\": [\"gulsen@example.com\"]}");
        String company = create(rep, "companies", "{\"name\": \"Öztürk" + word + " Tekstil A.Ş.\"}");
        create(rep, "deals", "{\"title\": \"Öztürk" + word + " kumaş siparişi\", \"value\": 48000}");

        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys(rep.email());
        browser.driver().findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitFor(By.id("current-user"));

        // "/" from anywhere on the page puts the cursor into the search box
        browser.driver().findElement(By.tagName("body")).sendKeys("/");
        WebElement box = browser.waitFor(By.id("global-search-q"));
        browser.waitUntil(driver -> box.equals(driver.switchTo().activeElement()));
        box.sendKeys("ozturk" + word);
        WebElement menu = browser.waitFor(By.id("global-search-menu"));
        browser.waitUntil(driver -> driver.findElements(By.cssSelector("#global-search-menu .search-suggestion")).size() == 3);
        assertThat(menu.getText()).contains("Gülşen Öztürk" + word).contains("gulsen@example.com")
                .contains("Öztürk" + word + " Tekstil A.Ş.").contains("Öztürk" + word + " kumaş siparişi");
        browser.screenshot("search-01-suggestions");

        // the arrow key moves onto the first suggestion, the contact; Enter opens it
        box.sendKeys(Keys.ARROW_DOWN);
        browser.waitUntil(driver -> ("/contacts/" + contact).equals(
                driver.switchTo().activeElement().getDomAttribute("href")));
        browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
        browser.waitUntil(driver -> driver.getCurrentUrl().endsWith("/contacts/" + contact));
        assertThat(browser.waitFor(By.id("record-title")).getText()).contains("Gülşen Öztürk" + word);

        WebElement again = browser.waitFor(By.id("global-search-q"));
        again.sendKeys("TEKSTIL " + word.toUpperCase(java.util.Locale.ROOT), Keys.ENTER);
        browser.waitFor(By.id("search-results"));
        assertThat(browser.driver().findElements(By.cssSelector("#search-companies a[href='/companies/" + company + "']")))
                .hasSize(1);
        assertThat(browser.driver().findElements(By.id("search-contacts"))).isEmpty();
        browser.screenshot("search-02-results-page");
    }
}
