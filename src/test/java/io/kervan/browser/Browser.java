package io.kervan.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through Debian's chromedriver (installed by {@code .ci/run}); no
 * browser or driver is downloaded. Screenshots go to {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final WebDriver driver;
    private final Path profile;
    private final String baseUrl;

    public Browser(String baseUrl) throws IOException {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: "
                    + "apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        this.baseUrl = baseUrl;
        this.profile = Files.createTempDirectory("kervan-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--window-size=1280,1000", "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebElement waitFor(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Scrolls the element into the middle of the window first, as a person would before clicking. */
    public void click(By locator) {
        WebElement element = waitFor(locator);
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        // An htmx or fetch swap may replace an element between finding and reading it: look again.
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    /**
     * Drags {@code source} onto {@code target} with a real pointer: press, move in small steps (so
     * SortableJS's pointer fallback sees a drag), hover, release.
     */
    void drag(WebElement source, WebElement target) {
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) driver;
        js.executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'})", source);
        org.openqa.selenium.Rectangle from = source.getRect();
        org.openqa.selenium.Rectangle to = target.getRect();
        int dx = (to.getX() + to.getWidth() / 2) - (from.getX() + from.getWidth() / 2);
        int dy = (to.getY() + Math.min(to.getHeight() / 2, 40)) - (from.getY() + from.getHeight() / 2);
        org.openqa.selenium.interactions.Actions actions = new org.openqa.selenium.interactions.Actions(driver)
                .moveToElement(source).clickAndHold().pause(Duration.ofMillis(150));
        int steps = 12;
        for (int i = 1; i <= steps; i++) {
            int x = dx * i / steps - dx * (i - 1) / steps;
            int y = dy * i / steps - dy * (i - 1) / steps;
            actions = actions.moveByOffset(x, y).pause(Duration.ofMillis(40));
        }
        actions.pause(Duration.ofMillis(250)).release().perform();
    }

    public void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
