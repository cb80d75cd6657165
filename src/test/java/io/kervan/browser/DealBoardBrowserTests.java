package io.kervan.browser;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sales person on the kanban: drags a deal to the next column, is stopped by a gated column that
 * says what is missing, fills it in on the deal form, drags again and sees the column totals change.
 */
@IntegrationTest
class DealBoardBrowserTests {

    static final String QUALIFY = "01900000-0000-7000-8000-000000000011";
    static final String MEETING = "01900000-0000-7000-8000-000000000012";
    static final String PROPOSAL = "01900000-0000-7000-8000-000000000013";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MockMvcTester mvc;

    Browser browser;
    TestUsers.TestUser seller;

    @BeforeEach
    void openBrowser() throws Exception {
        seller = new TestUsers(context).create(Role.SALES_REP, null);
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        browser.close();
    }

    String createDeal(String title) {
        MvcTestResult result = mvc.post().uri("/api/v1/deals").header("Authorization", seller.bearer())
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"" + title + "\"}").exchange();
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    String text(By locator) {
        return browser.driver().findElement(locator).getText();
    }

    By inColumn(String stage, String suffix) {
        return By.cssSelector("#column-" + stage + " " + suffix);
    }

    @Test
    void dragsADealThroughTheBoardAndFillsInWhatAGatedColumnRequires() throws Exception {
        String title = "Kanban " + UUID.randomUUID().toString().substring(0, 8);
        String id = createDeal(title);
        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys(seller.email());
        browser.driver().findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitFor(By.id("current-user"));

        browser.open("/deals/board?ownerId=" + seller.id());
        browser.waitFor(By.id("deal-" + id));
        assertThat(text(inColumn(MEETING, ".column-count"))).isEqualTo("0 deals");
        browser.screenshot("deals-01-board");

        // 1. Qualify → Meeting has no gate: the move succeeds and both columns are re-rendered.
        browser.drag(browser.waitFor(By.id("deal-" + id)), browser.waitFor(inColumn(MEETING, ".deal-cards")));
        browser.waitUntil(d -> d.findElements(inColumn(MEETING, "#deal-" + id)).size() == 1
                && text(inColumn(MEETING, ".column-count")).equals("1 deal"));
        assertThat(text(inColumn(QUALIFY, ".column-count"))).isEqualTo("0 deals");
        browser.screenshot("deals-02-moved");

        // 2. Meeting → Proposal needs a value and an expected close date: refused, the card goes back.
        String proposalSum = text(inColumn(PROPOSAL, ".column-sum"));
        browser.drag(browser.waitFor(By.id("deal-" + id)), browser.waitFor(inColumn(PROPOSAL, ".deal-cards")));
        String refusal = browser.waitFor(By.id("board-refusal")).getText();
        assertThat(refusal).contains(title).contains("Proposal").contains("Value").contains("Expected close date");
        browser.waitUntil(d -> d.findElements(inColumn(MEETING, "#deal-" + id)).size() == 1);
        assertThat(browser.driver().findElements(inColumn(PROPOSAL, "#deal-" + id))).isEmpty();
        browser.screenshot("deals-03-refused");

        // 3. The message links to the deal form: fill in what is missing (keeping the deal in Meeting).
        browser.click(By.id("fill-in"));
        browser.waitFor(By.id("value")).sendKeys("5000");
        setDate("expectedCloseDate", "2027-06-30");
        assertThat(new Select(browser.driver().findElement(By.id("stageId"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo(PROPOSAL);
        new Select(browser.driver().findElement(By.id("stageId"))).selectByValue(MEETING);
        browser.screenshot("deals-04a-form");
        browser.click(By.id("save"));
        browser.waitFor(By.id("record-title"));
        assertThat(text(By.id("deal-value"))).isEqualTo("5,000.00 TRY");
        browser.screenshot("deals-04b-detail");

        // 4. Drag again: the move succeeds and the Proposal column's totals change.
        browser.open("/deals/board?ownerId=" + seller.id());
        browser.drag(browser.waitFor(By.id("deal-" + id)), browser.waitFor(inColumn(PROPOSAL, ".deal-cards")));
        browser.waitUntil(d -> d.findElements(inColumn(PROPOSAL, "#deal-" + id)).size() == 1
                && text(inColumn(PROPOSAL, ".column-count")).equals("1 deal"));
        assertThat(text(inColumn(PROPOSAL, ".column-sum"))).isEqualTo("5,000.00 TRY").isNotEqualTo(proposalSum);
        assertThat(text(inColumn(PROPOSAL, ".column-weighted"))).isEqualTo("3,000.00 TRY");
        assertThat(text(inColumn(MEETING, ".column-count"))).isEqualTo("0 deals");
        assertThat(browser.driver().findElements(By.id("board-refusal"))).isEmpty();
        browser.screenshot("deals-04c-gate-passed");
    }

    @Test
    void aDropOnLostAsksForTheReasonAndADropOnWonAsksForTheValue() throws Exception {
        String lostTitle = "Lost " + UUID.randomUUID().toString().substring(0, 8);
        String lost = createDeal(lostTitle);
        String won = createDeal("Won " + UUID.randomUUID().toString().substring(0, 8));
        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys(seller.email());
        browser.driver().findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitFor(By.id("current-user"));
        browser.open("/deals/board?ownerId=" + seller.id());

        browser.drag(browser.waitFor(By.id("deal-" + lost)), browser.waitFor(inColumn("lost", ".deal-cards")));
        assertThat(browser.waitFor(By.id("lost-form-title")).getText()).contains(lostTitle);
        new Select(browser.driver().findElement(By.id("lost-reason"))).selectByVisibleText("Competitor");
        browser.driver().findElement(By.id("lost-note")).sendKeys("Chose a rival");
        browser.click(By.id("lost-confirm"));
        browser.waitUntil(d -> d.findElements(inColumn("lost", "#deal-" + lost)).size() == 1
                && text(inColumn("lost", ".column-count")).equals("1 deal"));

        browser.drag(browser.waitFor(By.id("deal-" + won)), browser.waitFor(inColumn("won", ".deal-cards")));
        browser.waitFor(By.id("won-value")).sendKeys("750");
        browser.click(By.id("won-confirm"));
        browser.waitUntil(d -> d.findElements(inColumn("won", "#deal-" + won)).size() == 1
                && text(inColumn("won", ".column-sum")).equals("750.00 TRY"));
        browser.screenshot("deals-05-won-and-lost");
    }

    /** Date inputs take typed text in the browser's locale; setting the value is locale-proof. */
    void setDate(String id, String isoDate) {
        WebDriver driver = browser.driver();
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]", driver.findElement(By.id(id)), isoDate);
    }
}
