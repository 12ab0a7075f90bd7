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
        chromium = HeadlessChromium.start();
        browser = chromium.driver();
        wait = chromium.waiting();
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
        browser.get(url("/"));
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
        browser.get(url("/dashboard"));
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));
        assertTrue(browser.getCurrentUrl().endsWith("/login"), browser.getCurrentUrl());
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }
}
