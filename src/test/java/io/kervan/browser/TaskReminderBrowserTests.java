package io.kervan.browser;

import io.kervan.IntegrationTest;
import io.kervan.TestUsers;
import io.kervan.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep in a real browser plans a task that is already late, with a reminder: it is listed under
 * "Overdue" on My work, and the reminder (due at once) rings the bell in the page header.
 */
@IntegrationTest
class TaskReminderBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    Browser browser;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = new Browser("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        browser.close();
    }

    @Test
    void aTaskDueInThePastIsOverdueAndItsReminderRingsTheBell() throws Exception {
        TestUsers.TestUser rep = new TestUsers(context).create(Role.SALES_REP, null);
        browser.open("/login");
        browser.waitFor(By.id("username")).sendKeys(rep.email());
        browser.driver().findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        browser.click(By.id("sign-in"));
        browser.waitFor(By.id("current-user"));

        browser.click(By.id("nav-my-work"));
        browser.click(By.id("new-task"));
        browser.waitFor(By.id("title")).sendKeys("Geri dön: Yıldız Tekstil");
        // datetime-local inputs take typed digits in the browser's locale order; set the value directly
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById('dueAt').value = '2024-01-15T09:30'");
        new Select(browser.driver().findElement(By.id("reminder"))).selectByValue("15m");
        browser.screenshot("tasks-01-new-task");
        browser.click(By.id("save"));

        assertThat(browser.waitFor(By.cssSelector("#overdue .task-title")).getText()).isEqualTo("Geri dön: Yıldız Tekstil");
        browser.waitUntil(driver -> {
            driver.navigate().refresh();
            return !driver.findElements(By.id("notification-count")).isEmpty();
        });
        assertThat(browser.waitFor(By.id("notification-count")).getText()).isEqualTo("1");
        browser.screenshot("tasks-02-my-work-overdue-bell");

        browser.click(By.id("notification-bell"));
        assertThat(browser.waitFor(By.cssSelector("#notifications .notification")).getText())
                .contains("Task reminder").contains("Geri dön: Yıldız Tekstil");
        browser.screenshot("tasks-03-notifications");
    }
}
