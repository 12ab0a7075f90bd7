package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A Dutch officer's browser (asking for {@code nl-NL}) gets the dashboard in Dutch, switches it to
 * English with the button in the header, stays on the same page, keeps English on other pages, and
 * switches back — in a real browser (see {@link DashboardBrowserTest}).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageSwitchBrowserTest implements TestPropertyProvider {

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
        chromium = HeadlessChromium.start(server, "nl-NL,nl");
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
    void anOfficerSwitchesThePageToEnglishAndBackToDutch() {
        // A Dutch browser: the sign-in form in Dutch.
        browser.get(chromium.url("/login"));
        wait.until(ExpectedConditions.titleIs("Aanmelden — Welkom"));
        assertEquals("nl", browser.findElement(By.tagName("html")).getAttribute("lang"));
        chromium.signIn(DemoData.ZWOLLE_OFFICER, DemoData.PASSWORD);
        browser.get(chromium.url("/dashboard/places"));
        wait.until(ExpectedConditions.titleIs("Lokale plekken — Welkom"));
        assertEquals("Afmelden", signOutButton().getText());

        // The switch: the same page again, now in English.
        WebElement english = browser.findElement(By.cssSelector("header .language-switch button"));
        assertEquals("English", english.getText());
        assertEquals("en", english.getAttribute("lang"));
        english.click();
        wait.until(ExpectedConditions.titleIs("Local places — Welkom"));
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/places"), browser.getCurrentUrl());
        assertEquals("en", browser.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals("Sign out", signOutButton().getText());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Town hall"));

        // The choice holds on other pages, also an error page, although the browser still asks for Dutch.
        browser.get(chromium.url("/dashboard/content"));
        wait.until(ExpectedConditions.titleIs("No access — Welkom"));
        assertEquals("You cannot open this page", browser.findElement(By.tagName("h1")).getText());

        // And back to Dutch from there.
        WebElement dutch = browser.findElement(By.cssSelector("header .language-switch button"));
        assertEquals("Nederlands", dutch.getText());
        dutch.click();
        wait.until(ExpectedConditions.titleIs("Geen toegang — Welkom"));
        assertTrue(browser.getCurrentUrl().endsWith("/dashboard/content"), browser.getCurrentUrl());
        assertEquals("U kunt deze pagina niet openen", browser.findElement(By.tagName("h1")).getText());
        browser.get(chromium.url("/dashboard/places"));
        wait.until(ExpectedConditions.titleIs("Lokale plekken — Welkom"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("Gemeentehuis"));
    }

    private WebElement signOutButton() {
        return browser.findElement(By.cssSelector("header form[action='/logout'] button"));
    }
}
