package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

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

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;

/**
 * The family-friend programme end to end in a real browser: a volunteer applies on the public page on a
 * phone-sized window; the Deventer coordinator screens her through to active and sees the new account's
 * one-time code once; the coordinator matches her with the family her suggestion explains; she chooses a
 * password, finds the family in her own space without its special needs, and logs a meeting that
 * completes a task; the coordinator sees the meeting on the family's page.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolunteerBrowserTest implements TestPropertyProvider {
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
    void aVolunteerAppliesIsScreenedMatchedWithAnExplainedSuggestionAndLogsAMeetingTheCoordinatorSees() {
        // On a 360 px phone screen: the form fits, a mistake comes back at its field.
        browser.manage().window().setSize(new Dimension(360, 800));
        browser.get(chromium.url("/vrijwilliger-worden"));
        wait.until(ExpectedConditions.titleIs("Become a family friend — Welkom"));
        long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
        assertTrue(width <= viewport, width + " > " + viewport);
        new Select(browser.findElement(By.id("municipalityId"))).selectByVisibleText("Gemeente Deventer");
        browser.findElement(By.id("firstName")).sendKeys("Amina");
        browser.findElement(By.id("lastName")).sendKeys("Yusuf");
        browser.findElement(By.id("email")).sendKeys("amina.yusuf@voorbeeld");
        browser.findElement(By.id("phone")).sendKeys("06 9876 5432");
        browser.findElement(By.cssSelector("input[name=gender][value=WOMAN]")).click();
        new Select(browser.findElement(By.id("level1"))).selectByVisibleText("Native");
        new Select(browser.findElement(By.id("lang2"))).selectByValue("so");
        new Select(browser.findElement(By.id("level2"))).selectByVisibleText("Native");
        browser.findElement(By.id("hoursPerWeek")).sendKeys("3");
        browser.findElement(By.cssSelector("input[name='prefers.SINGLE_PARENT']")).click();
        browser.findElement(By.id("consent-box")).click();
        submit("Send my application");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
        assertTrue(error.getText().contains("name@example.org"), error.getText());
        assertEquals("Yusuf", browser.findElement(By.id("lastName")).getAttribute("value"));
        WebElement email = browser.findElement(By.id("email"));
        email.clear();
        email.sendKeys("amina.yusuf@voorbeeld.nl");
        submit("Send my application");
        wait.until(ExpectedConditions.titleIs("Thank you for applying — Welkom"));

        // The coordinator screens her.
        browser.manage().window().setSize(new Dimension(1280, 900));
        chromium.signInAs(DemoData.DEVENTER_OFFICER, "Households — Welkom");
        browser.findElement(By.linkText("Volunteers")).click();
        wait.until(ExpectedConditions.titleIs("Volunteers — Welkom"));
        browser.findElement(By.linkText("Amina Yusuf")).click();
        wait.until(ExpectedConditions.titleIs("Amina Yusuf — Welkom"));
        submit("Intake done");
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("vogDate-VOG_RECEIVED")), LocalDate.now().minusDays(10).toString());
        submit("VOG received");
        submit("Training done");
        submit("Make active");

        // The one-time code, once.
        wait.until(ExpectedConditions.titleIs("Family-friend sign-in code — Welkom"));
        String code = browser.findElement(By.id("sign-in-code")).getText();
        assertTrue(code.matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){6}"), code);
        String link = browser.findElement(By.id("sign-in-link")).getText();
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")));
        assertTrue(browser.findElements(By.id("sign-in-code")).isEmpty());

        // Listed as active, with her history.
        browser.get(chromium.url("/dashboard/volunteers?state=ACTIVE"));
        wait.until(ExpectedConditions.titleIs("Volunteers — Welkom"));
        assertTrue(chromium.texts(By.cssSelector("tr.volunteer th")).contains("Amina Yusuf"));
        browser.findElement(By.linkText("Amina Yusuf")).click();
        wait.until(ExpectedConditions.titleIs("Amina Yusuf — Welkom"));
        assertEquals("Active", browser.findElement(By.id("state")).getText());
        assertEquals(5, browser.findElements(By.cssSelector("#history tbody tr")).size());

        // The coordinator opens the Somali single mother's page: Amina is suggested, and the page says why.
        browser.get(chromium.url("/dashboard"));
        wait.until(ExpectedConditions.titleIs("Households — Welkom"));
        browser.findElement(By.linkText("Familie Warsame")).click();
        wait.until(ExpectedConditions.titleIs("Familie Warsame — Welkom"));
        WebElement suggestion = browser.findElements(By.cssSelector("ol.suggestions > li")).stream()
                .filter(li -> li.findElement(By.tagName("strong")).getText().equals("Amina Yusuf"))
                .findFirst().orElseThrow(() -> new AssertionError("Amina is not suggested"));
        List<String> why = suggestion.findElements(By.cssSelector(".why li")).stream().map(WebElement::getText).toList();
        assertTrue(why.stream().anyMatch(line -> line.startsWith("Speaks Somali") && line.contains("the family\u2019s language")),
                why.toString());
        assertTrue(why.stream().anyMatch(line -> line.startsWith("Would like to support a single parent")), why.toString());
        WebElement match = suggestion.findElement(By.cssSelector("button[aria-label='Match: Amina Yusuf']"));
        match.click();
        chromium.waitUntilGone(match);
        wait.until(ExpectedConditions.titleIs("Familie Warsame — Welkom"));
        assertTrue(browser.findElement(By.cssSelector(".family-friend")).getText().contains("Amina"),
                "the current family friend is shown");
        submit("Sign out");
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));

        // Amina chooses her password with the link and starts in her own space: the family, never its needs.
        browser.get(link);
        wait.until(ExpectedConditions.titleIs("Choose a password — Welkom"));
        browser.findElement(By.id("password")).sendKeys("Samen naar de markt op zaterdag");
        browser.findElement(By.id("repeat")).sendKeys("Samen naar de markt op zaterdag");
        submit("Save the password and sign in");
        wait.until(ExpectedConditions.titleIs("My families — Welkom"));
        WebElement card = browser.findElement(By.cssSelector("li.card"));
        assertTrue(card.getText().contains("Familie Warsame"), card.getText());
        assertTrue(card.getText().contains("No meeting logged yet."), card.getText());
        for (String secret : new String[] { "Epilepsie", "Dadaab", "alleen met haar twee kinderen" }) {
            assertFalse(browser.getPageSource().contains(secret), secret + " on the family friend's space");
        }
        card.findElement(By.linkText("Log a meeting")).click();
        wait.until(ExpectedConditions.titleIs("Familie Warsame — Welkom"));
        for (String secret : new String[] { "Epilepsie", "Dadaab", "alleen met haar twee kinderen" }) {
            assertFalse(browser.getPageSource().contains(secret), secret + " on the family friend's household page");
        }
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];",
                browser.findElement(By.id("meeting-date")), LocalDate.now(ZoneId.of("Europe/Amsterdam")).toString());
        browser.findElement(By.id("meeting-what")).sendKeys("Samen de bus naar de huisarts geoefend.");
        WebElement task = browser.findElement(By.cssSelector(".meeting-form .check"));
        String taskTitle = task.findElement(By.tagName("span")).getText();
        task.findElement(By.tagName("input")).click();
        browser.findElement(By.id("meeting-note")).sendKeys("Hodan wil graag fietsles.");
        submit("Save meeting");
        wait.until(ExpectedConditions.titleIs("Familie Warsame — Welkom"));
        WebElement logged = browser.findElement(By.cssSelector("[id^=meeting-] .text"));
        assertEquals("Samen de bus naar de huisarts geoefend.", logged.getText());
        submit("Sign out");

        // The coordinator sees the meeting, by whom, the task it completed and the note.
        chromium.signInAs(DemoData.DEVENTER_OFFICER, "Households — Welkom");
        browser.findElement(By.linkText("Familie Warsame")).click();
        wait.until(ExpectedConditions.titleIs("Familie Warsame — Welkom"));
        WebElement seen = browser.findElement(By.cssSelector("li[id^=meeting-]"));
        assertTrue(seen.getText().contains("Samen de bus naar de huisarts geoefend."), seen.getText());
        assertTrue(seen.getText().contains("by Amina Y."), seen.getText());
        assertTrue(seen.getText().contains("Tasks: " + taskTitle), seen.getText());
        assertTrue(seen.getText().contains("Hodan wil graag fietsles."), seen.getText());
    }

    private void submit(String label) {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
        button.click();
        chromium.waitUntilGone(button);
    }
}
