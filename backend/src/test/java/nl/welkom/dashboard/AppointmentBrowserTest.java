package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.welkom.model.auth.ActivationCode;
import nl.welkom.model.auth.ActivationRequest;
import nl.welkom.model.auth.Session;
import nl.welkom.model.sync.Mutation;
import nl.welkom.model.sync.MutationOutcome;
import nl.welkom.model.sync.MutationResult;
import nl.welkom.model.sync.MutationType;
import nl.welkom.model.sync.PushRequest;
import nl.welkom.model.sync.PushResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An officer plans, moves and cancels an appointment in a real browser (Debian's headless Chromium,
 * English), while the family's phone answers through the real sync API: the answer shows on the
 * household page, a move clears it, a cancellation shows as cancelled.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentBrowserTest implements TestPropertyProvider {
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private final DemoData demo = new DemoData();
    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @Inject
    EmbeddedServer server;
    @Inject
    @Client("/")
    HttpClient http;

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
    void anOfficerBooksAnAppointmentSeesTheFamilyAskToMoveItMovesItAndThenCancelsIt() {
        LocalDate day = LocalDate.now(AMSTERDAM).plusDays(14);
        LocalDate later = day.plusDays(2);
        chromium.signInAs(DemoData.ZWOLLE_OFFICER, "Households — Welkom");
        browser.findElement(By.linkText("Familie Al-Khatib")).click();
        wait.until(ExpectedConditions.titleIs("Familie Al-Khatib — Welkom"));
        String householdId = browser.getCurrentUrl().replaceAll(".*/households/([^/#?]+).*", "$1");

        // Booking: for Rania, with an Arabic interpreter, at the language school's address.
        browser.findElement(By.linkText("Book an appointment")).click();
        wait.until(ExpectedConditions.titleIs("Book an appointment — Welkom"));
        new Select(browser.findElement(By.id("type"))).selectByVisibleText("Language school");
        browser.findElement(By.id("purpose")).sendKeys("Intake at the language school");
        typeDate("date", day);
        typeTime("from", "1000AM", "10:00");
        typeTime("to", "1100AM", "11:00");
        browser.findElement(By.id("address")).sendKeys("Burgemeester Roelenweg 10, Zwolle");
        browser.findElement(By.xpath("//fieldset[@id='members']//label[normalize-space()='Rania']/input")).click();
        new Select(browser.findElement(By.id("interpreter"))).selectByVisibleText("Arabic");
        browser.findElement(By.xpath("//button[normalize-space()='Book the appointment']")).click();
        wait.until(ExpectedConditions.titleIs("Familie Al-Khatib — Welkom"));
        WebElement booked = row("Intake at the language school");
        String text = booked.getText();
        assertTrue(text.contains(english(day) + ", 10:00") && text.contains("for Rania")
                && text.contains("interpreter: Arabic") && text.contains("No answer yet"), text);
        String appointmentId = booked.getAttribute("id").substring("appointment-".length());

        // The family's phone asks to move it, through the real sync API; the officer sees it stand out.
        MutationResult pushed = answer(householdId, appointmentId, "ASK_TO_MOVE:Rania works on that day");
        assertEquals(MutationOutcome.APPLIED, pushed.outcome(), pushed.detail());
        browser.navigate().refresh();
        wait.until(ExpectedConditions.titleIs("Familie Al-Khatib — Welkom"));
        WebElement asked = row("Intake at the language school");
        assertEquals("Asks for another time", asked.findElement(By.cssSelector(".badge.overdue")).getText());
        assertEquals("Rania works on that day", asked.findElement(By.cssSelector(".family-answer")).getText());

        // Moving it: the form holds what was booked; the new day clears the answer.
        asked.findElement(By.linkText("Move")).click();
        wait.until(ExpectedConditions.titleIs("Move or change appointment — Welkom"));
        assertEquals(day.toString(), browser.findElement(By.id("date")).getAttribute("value"));
        assertEquals("10:00", browser.findElement(By.id("from")).getAttribute("value"));
        assertTrue(browser.findElement(By.xpath("//fieldset[@id='members']//label[normalize-space()='Rania']/input"))
                .isSelected());
        assertEquals("ar", browser.findElement(By.id("interpreter")).getAttribute("value"));
        typeDate("date", later);
        browser.findElement(By.xpath("//button[normalize-space()='Save the change']")).click();
        wait.until(ExpectedConditions.titleIs("Familie Al-Khatib — Welkom"));
        String moved = row("Intake at the language school").getText();
        assertTrue(moved.contains(english(later) + ", 10:00") && moved.contains("No answer yet"), moved);
        assertFalse(moved.contains("Rania works on that day"), moved);

        // Cancelling it, after a confirmation page.
        row("Intake at the language school").findElement(By.linkText("Cancel")).click();
        wait.until(ExpectedConditions.titleIs("Cancel appointment — Welkom"));
        assertTrue(browser.findElement(By.id("main")).getText().contains(english(later) + ", 10:00"));
        browser.findElement(By.xpath("//button[normalize-space()='Yes, cancel the appointment']")).click();
        wait.until(ExpectedConditions.titleIs("Familie Al-Khatib — Welkom"));
        WebElement cancelled = row("Intake at the language school");
        assertTrue(cancelled.getAttribute("class").contains("cancelled"));
        assertEquals("Cancelled", cancelled.findElement(By.cssSelector(".badge")).getText());
        assertTrue(cancelled.findElements(By.linkText("Move")).isEmpty(), "a cancelled appointment is not moved");

        // The phone's answer to a cancelled appointment is refused.
        assertEquals(MutationOutcome.REJECTED, answer(householdId, appointmentId, "CONFIRMED").outcome());
    }

    private WebElement row(String purpose) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(WebDriverException.class).until(
                driver -> driver.findElement(By.xpath("//ul[@class='appointments']/li[contains(., '" + purpose + "')]")));
    }

    /** A date typed as the American-English browser expects it: month, day, year. */
    private void typeDate(String id, LocalDate date) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(date.format(DateTimeFormatter.ofPattern("MMddyyyy")));
        assertEquals(date.toString(), input.getAttribute("value"));
    }

    private void typeTime(String id, String keys, String expected) {
        WebElement input = browser.findElement(By.id(id));
        input.sendKeys(keys);
        assertEquals(expected, input.getAttribute("value"));
    }

    private static String english(LocalDate date) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
    }

    /** The family's phone: activated with a code the officer makes, then one pushed answer. */
    private MutationResult answer(String householdId, String appointmentId, String value) {
        DashboardClient web = new DashboardClient(http, server);
        String officer = web.apiToken(DemoData.ZWOLLE_OFFICER);
        ActivationCode code = http.toBlocking().retrieve(HttpRequest.POST("/api/households/" + householdId
                + "/activation-codes", "").bearerAuth(officer), ActivationCode.class);
        Session phone = http.toBlocking().retrieve(HttpRequest.POST("/api/activation",
                new ActivationRequest(code.code(), "Test phone")), Session.class);
        PushResponse response = http.toBlocking().retrieve(HttpRequest.POST("/api/sync/push", new PushRequest(List.of(
                new Mutation(UUID.randomUUID().toString(), MutationType.APPOINTMENT_ANSWER, appointmentId, 1,
                        Instant.now().toString(), value)))).bearerAuth(phone.token()), PushResponse.class);
        return response.results().get(0);
    }
}
