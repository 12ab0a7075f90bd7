package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import nl.welkom.config.Sql;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An officer opens the reports in a real browser (Debian's headless Chromium) on the shipped demo
 * data, with arrival dates given to the Zwolle households: five charts with their tables, a period
 * chosen with the form, and a CSV link that answers with the file.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsBrowserTest implements TestPropertyProvider {
    private final DemoData demo = new DemoData();
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @Inject
    EmbeddedServer server;
    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return demo.properties();
    }

    @BeforeAll
    void startChromium() throws IOException {
        // The demo has no arrival dates yet: two Zwolle households arrived this month, one last month.
        LocalDate thisMonth = LocalDate.now(ZoneId.of("Europe/Amsterdam")).withDayOfMonth(1);
        transactions.executeWrite(status -> Sql.update(status.getConnection(),
                "UPDATE household SET arrived_on = ? WHERE reference IN ('WLK-2026-0001', 'WLK-2026-0002')",
                thisMonth.toString()) + Sql.update(status.getConnection(),
                "UPDATE household SET arrived_on = ? WHERE reference = 'WLK-2026-0004'", thisMonth.minusMonths(1).toString()));
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
    void anOfficerSeesEveryChartWithItsTableChoosesAPeriodAndDownloadsACsv() throws Exception {
        chromium.signInAs(DemoData.ZWOLLE_OFFICER, "Households — Welkom");

        browser.findElement(By.linkText("Reports")).click();
        wait.until(ExpectedConditions.titleIs("Reports — Welkom"));
        assertTrue(browser.findElement(By.cssSelector(".lead")).getText().contains("Gemeente Zwolle"));
        List<WebElement> sections = browser.findElements(By.cssSelector("section.report"));
        assertEquals(List.of("Arrivals per month", "Households per stage", "Tasks per stage", "Pre-departure course",
                "Family friends per stage", "Housing quota per period", "Family-friend programme"), chromium.texts(By.cssSelector("section.report h2")));
        for (WebElement section : sections) {
            WebElement chart = section.findElement(By.cssSelector(".chart svg[role=img]"));
            assertTrue(chart.getSize().getWidth() > 200, "the chart is drawn at a readable size");
            assertFalse(section.findElements(By.cssSelector("svg title")).isEmpty());
            WebElement table = section.findElement(By.tagName("table"));
            assertTrue(table.findElement(By.tagName("caption")).getAttribute("textContent").startsWith("Figures: "));
            assertFalse(table.findElements(By.cssSelector("tbody tr")).isEmpty());
        }
        String stages = sections.get(1).findElement(By.tagName("table")).getText();
        assertTrue(stages.contains("Housing and registration (BRP) 1"), stages);
        assertTrue(stages.contains("Civic integration (inburgering) 1"), stages);

        // The period form: "All" shows two years of months and stays chosen.
        browser.findElement(By.cssSelector("input[name=period][value=all]")).click();
        browser.findElement(By.xpath("//form[contains(@class,'period')]//button[normalize-space()='Show']")).click();
        wait.until(ExpectedConditions.urlContains("period=all"));
        assertTrue(browser.findElement(By.cssSelector("input[name=period][value=all]")).isSelected());
        assertEquals(24, browser.findElements(By.cssSelector("#report-arrivals tbody tr")).size());

        // The CSV link answers with the file, for the browser's own session.
        WebElement link = browser.findElement(By.cssSelector("#report-stages a.download"));
        assertEquals("Download Households per stage (CSV)", link.getText());
        assertNotNull(link.getAttribute("download"));
        Cookie session = browser.manage().getCookieNamed("WELKOM_SESSION");
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link.getAttribute("href")))
                .header("Cookie", "WELKOM_SESSION=" + session.getValue() + "; WELKOM_LANG=en").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; filename=\"welkom-stages-"));
        assertTrue(csv.body().startsWith("\uFEFFStage;Households\r\n"), csv.body());
        assertTrue(csv.body().contains("Housing and registration (BRP);<5"), csv.body());
    }
}
