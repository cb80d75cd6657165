package io.kervan.leads;

import io.kervan.IntegrationTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person in a real browser: creates a lead, finds it by typing without Turkish letters, qualifies
 * it (the disqualification reason shows only when needed), converts it into a contact and a new
 * company, and lands on the contact. Uses Debian's chromium and chromedriver, like the other browser tests.
 */
@IntegrationTest
class LeadJourneyBrowserTests {

    @LocalServerPort
    int port;

    WebDriver driver;
    Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory("kervan-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--window-size=1280,1000", "--lang=en-US", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() {
        driver.quit();
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void click(By locator) {
        WebElement element = waitFor(locator);
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void createsFindsQualifiesAndConvertsALeadIntoADeal() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        driver.get("http://localhost:" + port + "/login");
        waitFor(By.id("username")).sendKeys("admin@kervan.test");
        driver.findElement(By.id("password")).sendKeys("admin-password-1");
        click(By.id("sign-in"));
        waitFor(By.id("current-user"));

        driver.get("http://localhost:" + port + "/leads/new");
        waitFor(By.id("firstName")).sendKeys("Şule");
        driver.findElement(By.id("lastName")).sendKeys("Güneşli " + unique);
        driver.findElement(By.id("companyName")).sendKeys("Güneşli Tekstil " + unique);
        driver.findElement(By.id("phone")).sendKeys("0532 987 65 43");
        new Select(driver.findElement(By.id("source"))).selectByValue("whatsapp");
        assertThat(driver.findElement(By.id("disqualifiedReason")).isDisplayed()).isFalse();
        new Select(driver.findElement(By.id("status"))).selectByValue("disqualified");
        assertThat(waitFor(By.id("disqualifiedReason")).isDisplayed()).isTrue();
        new Select(driver.findElement(By.id("status"))).selectByValue("new");
        screenshot("leads-01-form");
        click(By.id("save"));
        assertThat(waitFor(By.id("record-title")).getText()).contains("Şule Güneşli " + unique);

        driver.get("http://localhost:" + port + "/leads");
        waitFor(By.id("q")).sendKeys("gunesli " + unique);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".lead-link")).size() == 1
                && d.findElement(By.cssSelector(".lead-link")).getText().contains(unique));
        screenshot("leads-02-list");
        click(By.cssSelector(".lead-link"));

        new Select(waitFor(By.id("status"))).selectByValue("qualified");
        click(By.id("save-status"));
        assertThat(waitFor(By.id("response-time")).getText()).contains("responded in");
        screenshot("leads-03-detail");
        click(By.id("convert"));
        waitFor(By.id("conversion-form"));
        assertThat(driver.findElement(By.id("company-new")).isSelected()).isTrue();
        // Open a deal in the seeded pipeline as part of the conversion.
        new Select(driver.findElement(By.id("pipelineId"))).selectByIndex(1);
        screenshot("leads-04-convert");
        click(By.id("convert-submit"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/deals/"));
        assertThat(waitFor(By.id("record-title")).getText()).contains("Güneşli Tekstil " + unique);
        assertThat(driver.getPageSource()).contains("Şule");
        screenshot("leads-05-deal");
    }
}
