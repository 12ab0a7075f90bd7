package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.welkom.CaseloadData;
import nl.welkom.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An officer works through a caseload of 65 Zwolle households in a real browser (Debian's headless
 * Chromium, which asks for English): searches, filters, follows a page link, sorts, and reads the
 * list on a phone's width. Only plain GET forms and links: the page runs no script.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseloadBrowserTest implements TestPropertyProvider {
    private static final int FAMILIES = 60;

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
    void caseloadAndBrowser() throws SQLException, IOException {
        Path dataDir = Path.of(demo.properties().get("welkom.data-dir"));
        try (CaseloadData data = new CaseloadData(TestDatabase.connect(dataDir))) {
            String zwolle = data.municipalityId("zwolle");
            data.begin();
            for (int i = 1; i <= FAMILIES; i++) {
                // Every third family has arrived; the others are still in housing and registration.
                String household = data.household(zwolle, String.format("WLK-2027-%04d", i),
                        String.format("Familie Yilma %02d", i), "ER",
                        i % 3 == 0 ? "ARRIVAL" : "HOUSING_AND_REGISTRATION", null);
                if (i == 7) {
                    data.task(household, "OPEN", CaseloadData.today().minusDays(1), false, "Bankrekening openen");
                }
            }
            data.commit();
        }
        chromium = HeadlessChromium.start(server);
        browser = chromium.driver();
        wait = chromium.waiting();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        demo.delete();
    }

    @Test
    void anOfficerSearchesFiltersPagesAndSortsTheCaseload() {
        chromium.signInFrom("/", DemoData.ZWOLLE_OFFICER, "Households — Welkom");
        assertEquals("1–50 of 65", count());

        // Search by part of a name, in another case, 25 a page.
        type("YILMA");
        new Select(browser.findElement(By.id("size"))).selectByVisibleText("25");
        submit();
        assertEquals("1–25 of 60", count());
        assertEquals("Familie Yilma 01", names().get(0));
        assertTrue(browser.getCurrentUrl().contains("q=YILMA"), browser.getCurrentUrl());
        assertEquals("YILMA", browser.findElement(By.id("q")).getAttribute("value"), "the form keeps the search");

        // Filter by stage and by overdue tasks: the flag is in words.
        new Select(browser.findElement(By.id("stage"))).selectByVisibleText("Arrived in the Netherlands");
        submit();
        assertEquals("1–20 of 20", count());
        new Select(browser.findElement(By.id("stage"))).selectByVisibleText("All stages");
        new Select(browser.findElement(By.id("overdue"))).selectByVisibleText("With an overdue task");
        submit();
        assertEquals(List.of("Familie Yilma 07"), names());
        assertTrue(browser.findElement(By.cssSelector("tr.flagged td.signals")).getText().contains("Overdue tasks: 1"));
        new Select(browser.findElement(By.id("overdue"))).selectByVisibleText("All households");
        submit();
        assertEquals("1–25 of 60", count());

        // Follow a page link: the search and the page size stay.
        browser.findElement(By.cssSelector("nav.pager a[aria-label='Page 2']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("caseload-count"), "26–50 of 60"));
        assertEquals("Familie Yilma 26", names().get(0));
        String here = browser.getCurrentUrl();
        assertTrue(here.contains("q=YILMA") && here.contains("size=25") && here.contains("page=2"), here);
        assertEquals("page", browser.findElement(By.cssSelector("nav.pager a[aria-current]")).getAttribute("aria-current"));
        assertEquals("2", browser.findElement(By.cssSelector("nav.pager a[aria-current]")).getText());
        browser.findElement(By.linkText("Next")).click();
        wait.until(ExpectedConditions.textToBe(By.id("caseload-count"), "51–60 of 60"));

        // Sort by household name, then the other way round: back to the first page.
        browser.findElement(By.cssSelector("thead a.sort[href*='sort=name']")).click();
        wait.until(ExpectedConditions.textToBe(By.id("caseload-count"), "1–25 of 60"));
        WebElement nameHeader = browser.findElement(By.xpath("//thead/tr/th[a[contains(@href,'sort=name')]]"));
        assertEquals("ascending", nameHeader.getAttribute("aria-sort"));
        nameHeader.findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.attributeToBe(
                By.xpath("//thead/tr/th[a[contains(@href,'sort=name')]]"), "aria-sort", "descending"));
        assertEquals("Familie Yilma 60", names().get(0));

        // On a phone's width the page does not scroll sideways; the table scrolls in its own region.
        browser.manage().window().setSize(new Dimension(390, 844));
        assertTrue(browser.findElement(By.id("q")).isDisplayed());
        Object pageWidth = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        assertEquals(Boolean.TRUE, pageWidth);
        browser.manage().window().setSize(new Dimension(1280, 900));

        // Clearing: the whole caseload again.
        browser.findElement(By.linkText("Clear search and filters")).click();
        wait.until(ExpectedConditions.textToBe(By.id("caseload-count"), "1–50 of 65"));
    }

    private void type(String text) {
        WebElement search = browser.findElement(By.id("q"));
        search.clear();
        search.sendKeys(text);
    }

    /** Submits the filter form and waits for the new page. */
    private void submit() {
        WebElement button = browser.findElement(By.cssSelector("form.filters button[type=submit]"));
        button.click();
        chromium.waitUntilGone(button);
    }

    private String count() {
        return browser.findElement(By.id("caseload-count")).getText();
    }

    private List<String> names() {
        return chromium.texts(By.cssSelector("tbody th[scope=row]"));
    }
}
