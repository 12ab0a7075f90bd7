package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor uses the translation status pages in a real browser (the same Chromium set-up as
 * {@link DashboardBrowserTest}), on the shipped content and demo data.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentBrowserTest implements TestPropertyProvider {

    private static final String EDITOR = "editor@zwolle.demo";
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

    @AfterAll
    void stopChromium() {
        if (chromium != null) {
            chromium.close();
        }
        demo.delete();
    }

    @Test
    void anEditorSeesTheTranslationStatusEditsADutchLessonAndItsArabicTranslationTurnsOutdated() {
        chromium.signInAs(EDITOR, "Content — Welkom");

        // Counts per language, and the lessons in Arabic with their states.
        WebElement arabic = browser.findElement(By.cssSelector("#language-counts tr[data-lang=ar]"));
        int outdatedBefore = Integer.parseInt(arabic.findElement(By.cssSelector("td.outdated")).getText());
        assertTrue(browser.findElements(By.cssSelector("#language-counts tbody tr")).size() >= 8);
        WebElement row = browser.findElements(By.cssSelector("#lessons tbody tr")).stream()
                .filter(tr -> {
                    String state = tr.findElement(By.cssSelector(".badge.state")).getText();
                    return state.equals("Up to date") || state.equals("Machine-drafted");
                })
                .findFirst().orElseThrow(() -> new AssertionError("no lesson with a current Arabic translation"));
        String rowId = row.getAttribute("id");

        // A non-minor Dutch edit, published.
        row.findElement(By.cssSelector("a.edit-nl")).click();
        wait.until(ExpectedConditions.titleIs("Edit lesson — Welkom"));
        WebElement minor = browser.findElement(By.id("minorEdit"));
        assertFalse(minor.isSelected());
        WebElement body = browser.findElement(By.cssSelector("textarea.section-body"));
        body.sendKeys(" Vraag het aan de gemeente.");
        WebElement publish = browser.findElement(By.id("publish"));
        publish.click();
        chromium.waitUntilGone(publish);
        wait.until(ExpectedConditions.titleIs("Content — Welkom"));

        // The Arabic translation of that lesson is now outdated, and counted so.
        WebElement badge = browser.findElement(By.cssSelector("#" + rowId + " .badge.state"));
        assertEquals("Outdated", badge.getText());
        int outdatedAfter = Integer.parseInt(browser.findElement(
                By.cssSelector("#language-counts tr[data-lang=ar] td.outdated")).getText());
        assertEquals(outdatedBefore + 1, outdatedAfter);

        // Officers do not get the editors' page.
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));
        chromium.signIn(DemoData.ZWOLLE_OFFICER, DemoData.PASSWORD);
        wait.until(ExpectedConditions.titleIs("Households — Welkom"));
        browser.get(chromium.url("/dashboard/content"));
        assertFalse(browser.getPageSource().contains("language-counts"));
    }
}
