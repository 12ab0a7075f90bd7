package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An officer records a new household in a real browser (Debian's headless Chromium): a first try
 * with a mistake, the form again with the message beside the field, then the household, a member,
 * and both on the household's page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseFileBrowserTest implements TestPropertyProvider {
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
    void anOfficerCreatesAHouseholdAddsAMemberAndSeesBothOnThePage() {
        chromium.signInAs(DemoData.ZWOLLE_OFFICER, "Households — Welkom");

        browser.get(chromium.url("/dashboard/households/new"));
        wait.until(ExpectedConditions.titleIs("New household — Welkom"));
        String suggested = browser.findElement(By.id("f-reference")).getAttribute("value");
        assertTrue(suggested.matches("WLK-\\d{4}-\\d{4}"), suggested);

        // A first try without a name: the form again, the message beside the field and in the summary.
        new Select(browser.findElement(By.id("f-firstLanguage"))).selectByValue("ti");
        browser.findElement(By.id("f-language-en")).click();
        browser.findElement(By.id("f-arrivalPath")).click();
        browser.findElement(By.id("f-expectedArrival")).sendKeys("03152027");
        browser.findElement(By.cssSelector("#main form button[type=submit]")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertTrue(summary.getText().contains("This is required."), summary.getText());
        WebElement name = browser.findElement(By.id("f-displayName"));
        assertEquals("true", name.getAttribute("aria-invalid"));
        assertEquals("h-displayName e-displayName", name.getAttribute("aria-describedby"));
        assertEquals("ti", new Select(browser.findElement(By.id("f-firstLanguage"))).getFirstSelectedOption()
                .getAttribute("value"), "the values are kept");
        assertTrue(browser.findElement(By.id("f-language-en")).isSelected());

        // The summary's link takes the keyboard to the field.
        summary.findElement(By.linkText("This is required.")).click();
        assertEquals("f-displayName", browser.switchTo().activeElement().getAttribute("id"));
        name.sendKeys("Familie Kidane");
        browser.findElement(By.cssSelector("#main form button[type=submit]")).click();

        wait.until(ExpectedConditions.titleIs("Familie Kidane — Welkom"));
        WebElement caseFile = browser.findElement(By.cssSelector("section.casefile"));
        assertTrue(caseFile.getText().contains(suggested), caseFile.getText());
        assertTrue(caseFile.getText().contains("15 March 2027"), caseFile.getText());
        assertTrue(caseFile.getText().contains("No members have been recorded yet."));

        // A member.
        browser.findElement(By.id("add-member")).click();
        wait.until(ExpectedConditions.titleIs("Add a member — Welkom"));
        browser.findElement(By.id("f-displayName")).sendKeys("Saba");
        browser.findElement(By.id("f-birthYear")).sendKeys("1992");
        browser.findElement(By.cssSelector("#main form button[type=submit]")).click();

        wait.until(ExpectedConditions.titleIs("Familie Kidane — Welkom"));
        List<String> caseFileMembers = chromium.texts(By.cssSelector("tr.casefile-member th"));
        assertEquals(List.of("Saba"), caseFileMembers);
        String row = browser.findElement(By.cssSelector("tr.casefile-member")).getText();
        assertTrue(row.contains("1992") && row.contains("Tigrinya"), row);
        assertTrue(chromium.texts(By.cssSelector("#main table th[scope=row]")).contains("Saba"));
    }
}
