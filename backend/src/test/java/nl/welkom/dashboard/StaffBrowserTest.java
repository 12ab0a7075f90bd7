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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The administrator and a new integration officer in a real browser (Debian's headless Chromium)
 * on the shipped demo data: the administrator creates the account and copies its one-time code,
 * signs out, and the new officer chooses a password with the code and lands on the households.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffBrowserTest implements TestPropertyProvider {
    private static final String NEW_OFFICER = "noor.bakker@zwolle.demo";

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
    void theAdministratorCreatesAnOfficerWhoChoosesAPasswordWithTheOneTimeCode() {
        // The demo administrator signs in and lands on the administration: both demo municipalities.
        chromium.signInAs(DemoData.ADMIN, "Administration — Welkom");
        assertEquals(List.of("Gemeente Deventer", "Gemeente Zwolle"),
                chromium.texts(By.cssSelector("tr.municipality th")));

        // Zwolle's page: a new integration officer.
        browser.findElement(By.linkText("Gemeente Zwolle")).click();
        wait.until(ExpectedConditions.titleIs("Gemeente Zwolle — Welkom"));
        assertTrue(chromium.texts(By.cssSelector("tr.account th")).contains("Sanne de Vries"));
        browser.findElement(By.id("account-username")).sendKeys(NEW_OFFICER);
        browser.findElement(By.id("account-displayName")).sendKeys("Noor Bakker");
        browser.findElement(By.cssSelector("input[name=role][value=OFFICER]")).click();
        browser.findElement(By.cssSelector("input[name='lang.en']")).click();
        submit("Create account");

        // The one-time code, shown once; a reload does not show it again.
        wait.until(ExpectedConditions.titleIs("Sign-in code — Welkom"));
        String code = browser.findElement(By.id("sign-in-code")).getText();
        assertTrue(code.matches("[A-Z0-9]{4}(-[A-Z0-9]{4}){6}"), code);
        String link = browser.findElement(By.id("sign-in-link")).getText();
        assertEquals(chromium.url("/password/set?code=" + code.replace("-", "")), link);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=status]")));
        assertTrue(browser.findElements(By.id("sign-in-code")).isEmpty());
        assertTrue(browser.getPageSource().contains("This code has been shown already"));

        // The administrator signs out.
        submit("Sign out");
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));

        // The new officer types the code; a short password is refused at its field, the code kept.
        browser.get(chromium.url("/password/set"));
        wait.until(ExpectedConditions.titleIs("Choose a password — Welkom"));
        browser.findElement(By.id("code")).sendKeys(code);
        browser.findElement(By.id("password")).sendKeys("te kort");
        browser.findElement(By.id("repeat")).sendKeys("te kort");
        submit("Save the password and sign in");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-error")));
        assertTrue(error.getText().contains("at least 12 characters"), error.getText());
        assertEquals("true", browser.findElement(By.id("password")).getAttribute("aria-invalid"));
        assertEquals(code, browser.findElement(By.id("code")).getAttribute("value"));
        assertEquals(NEW_OFFICER, browser.findElement(By.id("username")).getAttribute("value"));

        // A good password: signed in, on Zwolle's households.
        browser.findElement(By.id("password")).sendKeys("Fietsen langs de IJssel");
        browser.findElement(By.id("repeat")).sendKeys("Fietsen langs de IJssel");
        submit("Save the password and sign in");
        wait.until(ExpectedConditions.titleIs("Households — Welkom"));
        String header = browser.findElement(By.cssSelector("header .who")).getText();
        assertTrue(header.contains("Noor Bakker") && header.contains("Gemeente Zwolle"), header);
        assertTrue(chromium.texts(By.cssSelector("tbody th[scope=row]")).contains("Familie Haile"));
    }

    private void submit(String label) {
        WebElement button = browser.findElement(By.xpath("//button[normalize-space()='" + label + "']"));
        button.click();
        chromium.waitUntilGone(button);
    }
}
