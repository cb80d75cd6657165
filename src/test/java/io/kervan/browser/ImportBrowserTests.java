package io.kervan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.kervan.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person imports a contacts CSV whose headers Kervan cannot guess: maps two columns by hand, gets a
 * row error in the dry run because of a wrong choice, fixes the mapping, imports, watches the progress
 * bar finish, and undoes the import.
 */
@IntegrationTest
class ImportBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        browser.close();
    }

    long contactsWithEmail(String email) {
        return jdbc.sql("select count(*) from contact_emails where email = :e").param("e", email).query(Long.class)
                .single();
    }

    @Test
    void mapsColumnsByHandFixesADryRunErrorImportsAndUndoes() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path csv = Files.createTempFile("kisiler", ".csv");
        Files.writeString(csv, """
                Müşteri;Elektronik Posta;Şehir
                Gülay %1$s;gulay.%1$s@example.com;İzmir
                Hakan %1$s;hakan.%1$s@example.com;Ankara
                """.formatted(tag), StandardCharsets.UTF_8);

        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys("admin@kervan.test");
        browser.driver().findElement(By.id("password")).sendKeys("admin-password-1");
        browser.click(By.id("sign-in"));
        browser.waitFor(By.id("current-user"));

        browser.click(By.id("nav-imports"));
        new Select(browser.waitFor(By.id("recordType"))).selectByValue("contacts");
        browser.driver().findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        browser.screenshot("import-01-upload");
        browser.click(By.id("upload-button"));

        // "Şehir" is recognised; the two other headers are not, so the person maps them — the second wrongly.
        Select city = new Select(browser.waitFor(By.id("field-2")));
        assertThat(city.getFirstSelectedOption().getAttribute("value")).isEqualTo("city");
        new Select(browser.driver().findElement(By.id("field-0"))).selectByValue("fullName");
        new Select(browser.driver().findElement(By.id("field-1"))).selectByValue("phone");
        browser.click(By.id("preview-button"));
        browser.waitUntil(d -> d.findElement(By.id("preview")).getText().contains("Gülay " + tag));
        browser.screenshot("import-02-mapping-preview");
        browser.click(By.id("dry-run-button"));

        waitForStatus("completed");
        assertThat(browser.driver().findElement(By.id("count-failed")).getText()).isEqualTo("2");
        assertThat(browser.driver().findElement(By.id("import-problems")).getText()).contains("Elektronik Posta")
                .contains("gulay." + tag + "@example.com");
        assertThat(contactsWithEmail("gulay." + tag + "@example.com")).isZero();
        browser.screenshot("import-03-dry-run-errors");

        browser.click(By.id("back-to-mapping"));
        new Select(browser.waitFor(By.id("field-1"))).selectByValue("email");
        browser.click(By.id("import-button"));

        waitForStatus("completed");
        // The bar's width is animated (htmx settles its style, Bootstrap transitions it); while it grows from
        // zero the browser reports its text as invisible, so wait for the bar rather than read it once.
        browser.waitUntil(d -> "100%".equals(d.findElement(By.id("import-progress-bar")).getText()));
        assertThat(browser.driver().findElement(By.id("count-created")).getText()).isEqualTo("2");
        assertThat(contactsWithEmail("hakan." + tag + "@example.com")).isEqualTo(1);
        browser.screenshot("import-04-done");

        browser.click(By.id("undo-button"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
        waitForStatus("undone");
        assertThat(contactsWithEmail("hakan." + tag + "@example.com")).isZero();
        browser.screenshot("import-05-undone");
    }

    private void waitForStatus(String status) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> status.equals(d.findElement(By.id("import-progress")).getAttribute("data-status")));
    }
}
