package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An integration officer uses the dashboard in a real browser: Debian's headless Chromium driven
 * by Debian's chromedriver (found on the PATH, never downloaded), against the real server on the
 * shipped demo data. One browser for the whole story, for speed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest implements TestPropertyProvider {

    private final DemoData demo = new DemoData();
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return demo.properties();
    }

    @BeforeAll
    void startChromium() throws IOException {
        chromium = HeadlessChromium.start(server);
        browser = chromium.driver();
        wait = chromium.waiting();
    }

    /** Each story starts signed out, whatever the one before it left behind. */
    @AfterEach
    void signOut() {
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
        demo.delete();
    }

    @Test
    void anOfficerSignsInMarksATaskDoneCreatesAnActivationCodeAndSignsOut() {
        // Opening the site without a session leads to the sign-in form.
        browser.get(chromium.url("/"));
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));

        // A wrong password: the form again, with a message and nothing about which part was wrong.
        chromium.signIn(DemoData.ZWOLLE_OFFICER, "wrong-password");
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]")));
        assertTrue(alert.getText().contains("The username or the password is not right."), alert.getText());

        // The right password: the Zwolle households, and who is signed in.
        chromium.signIn(DemoData.ZWOLLE_OFFICER, DemoData.PASSWORD);
        wait.until(ExpectedConditions.titleIs("Households — Welkom"));
        String header = browser.findElement(By.cssSelector("header .who")).getText();
        assertTrue(header.contains("Sanne de Vries") && header.contains("Gemeente Zwolle"), header);
        List<String> households = chromium.texts(By.cssSelector("tbody th[scope=row]"));
        // demo.yaml's three Zwolle families first (by reference); feature demo files may add more after them.
        assertEquals(List.of("Familie Haile", "Familie Al-Khatib", "Familie Bahati"), households.subList(0, 3));
        assertFalse(browser.getPageSource().contains("Familie Ahmadi"), "the Deventer household stays out of sight");
        String haileRow = browser.findElement(By.xpath("//tr[th/a[.='Familie Haile']]")).getText();
        assertTrue(haileRow.contains("Housing and registration") && haileRow.contains("Eritrea")
                && haileRow.matches("(?s).*\\b\\d+ of \\d+\\b.*"), haileRow);

        // Familie Haile: the current stage is highlighted on the journey track, the tasks are listed.
        browser.findElement(By.linkText("Familie Haile")).click();
        wait.until(ExpectedConditions.titleIs("Familie Haile — Welkom"));
        WebElement current = browser.findElement(By.cssSelector(".track li.current"));
        assertTrue(current.getText().startsWith("Housing and registration"), current.getText());
        assertEquals("step", current.getAttribute("aria-current"));
        assertEquals(4, browser.findElements(By.cssSelector(".track li.past")).size());
        assertEquals(7, browser.findElements(By.cssSelector(".track li")).size());
        assertFalse(browser.findElements(By.cssSelector("tr.task")).isEmpty());
        assertTrue(chromium.texts(By.cssSelector("#main h3")).contains("Housing and registration (BRP)"));

        // Marking an open task done: back on the page, the same task shows as done, with a time.
        WebElement openTask = browser.findElement(By.cssSelector("tr.task.open"));
        String taskRowId = openTask.getAttribute("id");
        String taskTitle = openTask.findElement(By.cssSelector("th")).getText();
        openTask.findElement(By.cssSelector("button[type=submit]")).click();
        // The page reloads under the wait: a row found on the old page may vanish before it is read.
        new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.attributeContains(By.id(taskRowId), "class", "done"));
        WebElement doneTask = browser.findElement(By.id(taskRowId));
        assertEquals(taskTitle, doneTask.findElement(By.cssSelector("th")).getText());
        assertTrue(doneTask.getText().contains("Done") && doneTask.getText().contains("on "), doneTask.getText());
        assertTrue(doneTask.findElement(By.cssSelector("button")).getText().startsWith("Open again"));

        // An activation code: large grouped text, instructions, and a QR code drawn as inline SVG.
        browser.findElement(By.xpath("//button[normalize-space()='Create activation code']")).click();
        wait.until(ExpectedConditions.titleIs("Activation code — Welkom"));
        String code = browser.findElement(By.id("activation-code")).getText();
        assertTrue(code.matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){4}"), code);
        WebElement qr = browser.findElement(By.cssSelector(".qr svg"));
        assertTrue(qr.getSize().getWidth() > 100, "the QR code is drawn large enough to scan");
        assertTrue(qr.findElements(By.cssSelector("g rect")).size() > 50);
        assertTrue(browser.findElement(By.cssSelector("section[lang=nl]")).getText().contains("Typ deze code"));
        assertTrue(browser.findElement(By.cssSelector("section[lang=en]")).getText().contains("Type this code"));

        // Signing out: the sign-in form, and the dashboard is closed until the next sign-in.
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().contains("You have signed out."));
        browser.get(chromium.url("/dashboard"));
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
    }

    @Test
    void anOfficerAddsAStagesTasksFromTemplatesAndMovesADueDate() {
        chromium.signInAs(DemoData.ZWOLLE_OFFICER, "Households — Welkom");
        browser.findElement(By.linkText("Familie Al-Khatib")).click();
        wait.until(ExpectedConditions.titleIs("Familie Al-Khatib — Welkom"));

        // The templates of one stage, each ticked with the date its offset gives; keep two of them.
        browser.findElement(By.linkText("Add tasks from templates")).click();
        wait.until(ExpectedConditions.titleIs("Tasks from templates — Welkom"));
        browser.findElement(By.linkText("Housing and registration (BRP)")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("stage-title"), "Housing and registration (BRP)"));
        List<WebElement> rows = browser.findElements(By.cssSelector("tr.proposal"));
        assertTrue(rows.size() >= 10, "the national templates of the stage: " + rows.size());
        for (WebElement row : rows) {
            String title = row.findElement(By.cssSelector("th")).getText();
            WebElement box = row.findElement(By.cssSelector("input[type=checkbox]"));
            assertTrue(box.isSelected(), "offered ticked: " + title);
            assertFalse(row.findElement(By.cssSelector("input[type=date]")).getAttribute("value").isEmpty(), title);
            boolean keep = title.equals("Open a basic bank account") || title.equals("Register with a GP");
            if (!keep) {
                box.click();
            }
        }
        browser.findElement(By.xpath("//button[normalize-space()='Add the ticked tasks']")).click();
        wait.until(ExpectedConditions.titleIs("Familie Al-Khatib — Welkom"));
        WebElement bank = browser.findElement(By.xpath("//tr[contains(@class,'task')][th/span[.='Open a basic bank account']]"));
        assertTrue(browser.findElements(By.xpath("//tr[contains(@class,'task')][th/span[.='Register with a GP']]")).size() == 1);
        assertTrue(browser.findElements(By.xpath("//tr[contains(@class,'task')][th/span[.='Enrol the children in school']]"))
                .isEmpty(), "an unticked template made no task");
        String bankRowId = bank.getAttribute("id");

        // Moving the due date of the new task: the edit form, then the household page shows the new date.
        bank.findElement(By.cssSelector("a.edit-task")).click();
        wait.until(ExpectedConditions.titleIs("Edit task — Welkom"));
        assertEquals("Open a basic bank account", browser.findElement(By.id("titleEn")).getAttribute("value"));
        WebElement due = browser.findElement(By.id("due"));
        due.clear();
        due.sendKeys("03022027"); // month, day, year: the browser speaks American English
        assertEquals("2027-03-02", due.getAttribute("value"));
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        wait.until(ExpectedConditions.titleIs("Familie Al-Khatib — Welkom"));
        WebElement moved = browser.findElement(By.id(bankRowId));
        assertTrue(moved.getText().contains("2 March 2027"), moved.getText());
        assertTrue(browser.findElements(By.id("notice")).isEmpty(), "nobody else changed it: no conflict notice");

        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));
    }
}
