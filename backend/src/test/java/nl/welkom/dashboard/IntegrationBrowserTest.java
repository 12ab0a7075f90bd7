package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.welkom.integration.FixedClockFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An officer records a broad intake and a PIP in a real browser (Debian's headless Chromium) and
 * finds the deadline on the household page. The clock stands still on {@value #TODAY}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntegrationBrowserTest implements TestPropertyProvider {
    private static final String TODAY = "2026-06-15";

    private final DemoData demo = new DemoData();
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(demo.properties());
        properties.put(FixedClockFactory.TODAY, TODAY);
        return properties;
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
    void anOfficerRecordsAnIntakeAndAPlanAndSeesTheDeadlineOnTheHouseholdPage() {
        chromium.signInAs(DemoData.ZWOLLE_OFFICER, "Households — Welkom");
        browser.findElement(By.linkText("Familie Haile")).click();
        wait.until(ExpectedConditions.titleIs("Familie Haile — Welkom"));

        // Nobody in the Haile family is marked yet: mark Mehret as having to integrate.
        WebElement section = browser.findElement(By.cssSelector("section.integration"));
        assertTrue(section.getText().contains("No member has been marked"), section.getText());
        section.findElement(By.xpath(".//tr[th[starts-with(normalize-space(), 'Mehret')]]//button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//article[h3[starts-with(normalize-space(), 'Mehret')]]")));
        WebElement card = browser.findElement(By.xpath("//article[h3[starts-with(normalize-space(), 'Mehret')]]"));
        assertTrue(card.getText().contains("There is no PIP yet."), card.getText());

        // The broad intake: today and the officer are filled in already.
        card.findElement(By.linkText("Record the broad intake")).click();
        wait.until(ExpectedConditions.titleIs("Broad intake — Welkom"));
        assertEquals(TODAY, browser.findElement(By.id("heldOn")).getAttribute("value"));
        new Select(browser.findElement(By.id("education"))).selectByVisibleText("Secondary school");
        browser.findElement(By.id("workExperience")).sendKeys("Tailor");
        browser.findElement(By.id("summary")).sendKeys("Mehret reads Tigrinya and some English; she wants to work in care.");
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        wait.until(ExpectedConditions.titleIs("Civic integration of Mehret — Welkom"));
        assertTrue(browser.findElement(By.tagName("main")).getText().contains("she wants to work in care"));

        // The PIP: a route without a date is refused with the error at the field, then saved with one.
        browser.findElement(By.linkText("Draw up the PIP")).click();
        wait.until(ExpectedConditions.titleIs("Personal plan for integration and participation (PIP) — Welkom"));
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("route-error")));
        assertEquals("true", browser.findElement(By.id("route")).getAttribute("aria-invalid"));
        new Select(browser.findElement(By.id("route"))).selectByVisibleText("B1 route");
        setDate("establishedOn", "2026-06-01");
        browser.findElement(By.id("languageSchool")).sendKeys("Taalschool Zwolle");
        new Select(browser.findElement(By.id("components-PVT-status"))).selectByVisibleText("In progress");
        setDate("components-PVT-startedOn", "2026-06-08");
        browser.findElement(By.xpath("//button[normalize-space()='Save']")).click();
        wait.until(ExpectedConditions.titleIs("Civic integration of Mehret — Welkom"));
        String file = browser.findElement(By.tagName("main")).getText();
        assertTrue(file.contains("by 1 June 2029") && file.contains("PIP drawn up"), file);

        // Back on the household page: the route, the components and the deadline with months left.
        browser.findElement(By.partialLinkText("Back to the household")).click();
        wait.until(ExpectedConditions.titleIs("Familie Haile — Welkom"));
        card = browser.findElement(By.xpath("//article[h3[starts-with(normalize-space(), 'Mehret')]]"));
        String text = card.getText();
        assertTrue(text.contains("B1 route"), text);
        assertTrue(text.contains("PVT: In progress") && text.contains("KNM: Not started"), text);
        assertEquals("by 1 June 2029", card.findElement(By.cssSelector(".term .deadline")).getText());
        assertTrue(text.contains("(35 months left)"), text);
    }

    /** Sets a date field's value as the browser's date picker would (its typed format depends on the locale). */
    private void setDate(String id, String isoDate) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id(id)), isoDate);
    }
}
