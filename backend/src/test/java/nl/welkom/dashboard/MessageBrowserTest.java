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
 * An officer answers a family's question in a real browser (Debian's headless Chromium) on the demo
 * data: the inbox shows the unanswered conversation first, the household page shows it, the answer
 * appears under the question and the conversation is no longer waiting.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageBrowserTest implements TestPropertyProvider {
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
    void anOfficerOpensTheInboxOpensTheUnansweredConversationAndAnswersIt() {
        chromium.signInAs(DemoData.ZWOLLE_OFFICER, "Households — Welkom");
        browser.findElement(By.linkText("Messages")).click();
        wait.until(ExpectedConditions.titleIs("Messages — Welkom"));
        List<WebElement> rows = browser.findElements(By.cssSelector(".inbox li"));
        assertTrue(rows.get(0).getText().contains("Familie Haile") && rows.get(0).getText().contains("Waiting for an answer"),
                rows.get(0).getText());

        rows.get(0).findElement(By.linkText("Familie Haile")).click();
        wait.until(ExpectedConditions.titleIs("Familie Haile — Welkom"));
        assertTrue(browser.getCurrentUrl().endsWith("#berichten"), browser.getCurrentUrl());
        WebElement section = browser.findElement(By.cssSelector("section.messages"));
        assertTrue(section.getText().contains("Waar vragen wij die aan?"),
                section.getText());

        WebElement text = browser.findElement(By.id("message-text"));
        text.sendKeys("U vraagt een DigiD aan op digid.nl. Ik help u donderdag op het stadskantoor.");
        browser.findElement(By.cssSelector("section.messages button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("section.messages"),
                "Ik help u donderdag op het stadskantoor."));
        List<WebElement> messages = browser.findElements(By.cssSelector("section.messages li"));
        assertTrue(messages.get(messages.size() - 1).getText().contains("Sanne de Vries"),
                "the answer is the newest, at the bottom");

        browser.findElement(By.linkText("Messages")).click();
        wait.until(ExpectedConditions.titleIs("Messages — Welkom"));
        WebElement haile = browser.findElements(By.cssSelector(".inbox li")).stream()
                .filter(row -> row.getText().contains("Familie Haile")).findFirst().orElseThrow();
        assertEquals(-1, haile.getText().indexOf("Waiting for an answer"), haile.getText());
    }
}
