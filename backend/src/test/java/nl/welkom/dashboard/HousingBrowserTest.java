package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.welkom.housing.FixedClockFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An officer opens the housing page in a real browser (Debian's headless Chromium) on the shipped
 * demo data, the clock standing still on 4 December 2026: the quota's fill as words and a drawn bar,
 * the late household, and from there the household's housing section — on a desktop and a phone width.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HousingBrowserTest implements TestPropertyProvider {
    private final DemoData demo = new DemoData();
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(demo.properties());
        properties.put(FixedClockFactory.TODAY, "2026-12-04");
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
    void anOfficerSeesTheQuotaFillAndTheLateHouseholdAndFollowsItToItsHousing() {
        chromium.signInFrom("/", DemoData.ZWOLLE_OFFICER, "Households — Welkom");

        // The navigation leads to the quota: the current period's fill in words and as a bar.
        browser.findElement(By.linkText("Housing and quota")).click();
        wait.until(ExpectedConditions.titleIs("Housing and quota — Welkom"));
        WebElement current = browser.findElement(By.id("period-2026-2"));
        assertTrue(current.getText().contains("10 of 22 persons housed, 45%"), current.getText());
        assertTrue(current.getText().contains("2 of 3 linked households housed"), current.getText());
        WebElement bar = current.findElement(By.cssSelector("svg.fill-bar"));
        WebElement filled = bar.findElement(By.cssSelector("rect.fg"));
        double share = (double) filled.getRect().getWidth() / bar.getRect().getWidth();
        assertTrue(share > 0.40 && share < 0.50, "the bar is drawn 45% full: " + share);
        assertTrue(bar.getAttribute("class").contains("behind"), "the period ending under target is drawn as behind");

        // What is late: the period ending within six weeks, and Familie Bahati arriving without a house.
        WebElement late = browser.findElement(By.id("late-section"));
        assertTrue(late.getText().contains("Period 2026-2 ends on 31 December 2026 and is under target: 12 more persons to house."),
                late.getText());
        assertTrue(late.getText().contains("Familie Bahati (WLK-2026-0003, 2026-2): expected on 24 December 2026, "
                + "no accepted housing offer yet"), late.getText());

        // The same page on a phone: the bar stays within the screen.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        wait.until(ExpectedConditions.titleIs("Housing and quota — Welkom"));
        WebElement phoneBar = browser.findElement(By.cssSelector("#period-2026-2 svg.fill-bar"));
        assertTrue(phoneBar.getRect().getWidth() > 50 && phoneBar.getRect().getWidth() <= 390, "bar width on a phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        // The late household's page shows its offer and its group-settlement suggestion.
        browser.findElement(By.id("late-section")).findElement(By.linkText("Familie Bahati")).click();
        wait.until(ExpectedConditions.titleIs("Familie Bahati — Welkom"));
        WebElement housing = browser.findElement(By.xpath("//section[h2[@id='housing']]"));
        assertTrue(housing.getText().contains("Holtenbroekerweg 112, 8033 AB Zwolle"), housing.getText());
        assertTrue(housing.getText().contains("Offered"), housing.getText());
        assertTrue(housing.getText().contains(
                "Same nationality (Congo - Kinshasa) and same camp (Nyarugusu), expected 17 February 2027"), housing.getText());

        // In Dutch, the language civil servants read by default.
        browser.findElement(By.xpath("//button[normalize-space()='Nederlands']")).click();
        wait.until(ExpectedConditions.titleIs("Familie Bahati — Welkom"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("housing"), "Huisvesting"));
        browser.get(chromium.url("/dashboard/housing"));
        wait.until(ExpectedConditions.titleIs("Huisvesting en taakstelling — Welkom"));
        String dutch = browser.findElement(By.id("period-2026-2")).getText();
        assertTrue(dutch.contains("10 van 22 personen gehuisvest, 45%"), dutch);
    }
}
