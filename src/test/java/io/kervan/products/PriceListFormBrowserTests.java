package io.kervan.products;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A manager in a real browser builds a price list: item and tier rows are added by the page script
 * (no inline script, as the Content-Security-Policy demands) and saved as one list.
 */
@IntegrationTest
class PriceListFormBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationContext context;

    WebDriver driver;
    Path profile;

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory("kervan-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--lang=en-US", "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(), options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
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

    void type(String name, String text) {
        WebElement input = waitFor(By.name(name));
        input.clear();
        input.sendKeys(text);
    }

    String product(TestUsers.TestUser manager, String code) {
        MvcTestResult result = mvc.post().uri("/api/v1/products").header("Authorization", manager.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\": \"" + code + "\", \"name\": \"Tarayıcı " + code + "\", \"unitPrice\": 10}").exchange();
        assertThat(result).hasStatus(201);
        String location = result.getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    @Test
    void buildsAPriceListWithAddedItemAndTierRows() throws Exception {
        TestUsers.TestUser manager = new TestUsers(context).create(Role.MANAGER, null);
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String first = product(manager, "BR-A-" + unique);
        String second = product(manager, "BR-B-" + unique);

        driver.get("http://localhost:" + port + "/login");
        waitFor(By.id("username")).sendKeys(manager.email());
        driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        click(By.id("sign-in"));
        waitFor(By.id("current-user"));

        driver.get("http://localhost:" + port + "/price-lists/new");
        waitFor(By.id("name")).sendKeys("Tarayıcı Listesi " + unique);
        new Select(waitFor(By.id("item-0-product"))).selectByValue(first);
        type("items[0].tiers[0].price", "10.00");
        click(By.cssSelector("[data-target='tiers-0']"));
        type("items[0].tiers[1].minQuantity", "100");
        type("items[0].tiers[1].price", "9.20");

        click(By.id("add-item"));
        new Select(waitFor(By.id("item-1-product"))).selectByValue(second);
        type("items[1].tiers[0].price", "5");
        click(By.cssSelector("[data-target='tiers-1']"));
        type("items[1].tiers[1].minQuantity", "50");
        type("items[1].tiers[1].price", "4.50");
        // A tier added and removed again leaves a gap in the indexes, which the server closes.
        click(By.cssSelector("[data-target='tiers-1']"));
        waitFor(By.name("items[1].tiers[2].minQuantity"));
        click(By.xpath("//input[@name='items[1].tiers[2].minQuantity']/ancestor::div[@data-row][1]//button[@data-remove-row]"));
        screenshot("price-list-form");
        click(By.id("save"));

        assertThat(waitFor(By.id("record-title")).getText()).contains("Tarayıcı Listesi " + unique);
        assertThat(driver.findElements(By.cssSelector("#price-list-items .tier"))).hasSize(4);
        assertThat(driver.findElement(By.id("price-list-items")).getText()).contains("BR-B-" + unique)
                .contains("from 50").contains("4.50 TRY");
        screenshot("price-list-detail");
    }

    void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
