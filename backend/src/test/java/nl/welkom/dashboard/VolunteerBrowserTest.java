package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
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
 * A volunteer applies on the public page on a phone-sized window; the Zwolle coordinator screens them
 * through to active in a real browser, sees the new account's one-time code once, and finds them
 * listed as active.
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
    void aVolunteerAppliesAndTheCoordinatorScreensThemToActiveWithAOneTimeCode() {
        // On a 360 px phone screen: the form fits, a mistake comes back at its field.
        browser.manage().window().setSize(new Dimension(360, 800));
        browser.get(chromium.url("/vrijwilliger-worden"));
        wait.until(ExpectedConditions.titleIs("Become a family friend — Welkom"));
        long width = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth;");
        long viewport = (Long) ((JavascriptExecutor) browser).executeScript("return document.documentElement.clientWidth;");
        assertTrue(width <= viewport, width + " > " + viewport);
        new Select(browser.findElement(By.id("municipalityId"))).selectByVisibleText("Gemeente Zwolle");
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
        chromium.signInAs(DemoData.ZWOLLE_OFFICER, "Households — Welkom");
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
    }

    private void submit(String label) {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
        button.click();
        chromium.waitUntilGone(button);
    }
}
