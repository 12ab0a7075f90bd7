package nl.welkom.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

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
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An editor uses the translation status pages in a real browser (the same Chromium set-up as
 * {@link DashboardBrowserTest}), on the shipped content and demo data.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentBrowserTest implements TestPropertyProvider {
    /**
     * The test drives the browser over WebDriver only, never the DevTools protocol, so Selenium's
     * warning that its CDP bindings are older than Debian's Chromium does not apply: quieten it.
     * Held in a field because java.util.logging keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final String INSTALL_HINT =
            "The browser test needs Debian's chromium and chromium-driver: run scripts/ensure-chromium.sh";

    private static final String EDITOR = "editor@zwolle.demo";
    private final DemoData demo = new DemoData();
    private Path profile;
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
        // Selenium Manager must not look for or download anything: the paths below are all it needs.
        System.setProperty("SE_OFFLINE", "true");
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        File chromium = onPath("chromium").orElseThrow(() -> new IllegalStateException(INSTALL_HINT + " (no chromium)"));
        File chromedriver = onPath("chromedriver")
                .orElseThrow(() -> new IllegalStateException(INSTALL_HINT + " (no chromedriver)"));
        profile = Files.createTempDirectory("welkom-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            DemoData.deleteRecursively(profile);
        }
        demo.delete();
    }

    @Test
    void anEditorSeesTheTranslationStatusEditsADutchLessonAndItsArabicTranslationTurnsOutdated() {
        browser.get(url("/login"));
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));
        signIn(EDITOR, DemoData.PASSWORD);
        wait.until(ExpectedConditions.titleIs("Content — Welkom"));

        // Counts per language, and the lessons in Arabic with their states.
        WebElement arabic = browser.findElement(By.cssSelector("#language-counts tr[data-lang=ar]"));
        int outdatedBefore = Integer.parseInt(arabic.findElement(By.cssSelector("td.outdated")).getText());
        assertTrue(browser.findElements(By.cssSelector("#language-counts tbody tr")).size() >= 8);
        WebElement row = browser.findElements(By.cssSelector("#lessons tbody tr")).stream()
                .filter(tr -> {
                    String state = tr.findElement(By.cssSelector(".badge.state")).getText();
                    return state.equals("up to date") || state.equals("machine drafted");
                })
                .findFirst().orElseThrow(() -> new AssertionError("no lesson with a current Arabic translation"));
        String rowId = row.getAttribute("id");

        // A non-minor Dutch edit, published.
        row.findElement(By.cssSelector("a.edit-nl")).click();
        wait.until(ExpectedConditions.titleIs("Edit lesson — Welkom"));
        WebElement minor = browser.findElement(By.id("minorEdit"));
        assertFalse(minor.isSelected());
        WebElement body = browser.findElement(By.cssSelector("textarea.section-body"));
        body.sendKeys(" Vraag het aan de gemeente.");
        WebElement publish = browser.findElement(By.id("publish"));
        publish.click();
        wait.until(ExpectedConditions.stalenessOf(publish));
        wait.until(ExpectedConditions.titleIs("Content — Welkom"));

        // The Arabic translation of that lesson is now outdated, and counted so.
        WebElement badge = browser.findElement(By.cssSelector("#" + rowId + " .badge.state"));
        assertEquals("outdated", badge.getText());
        int outdatedAfter = Integer.parseInt(browser.findElement(
                By.cssSelector("#language-counts tr[data-lang=ar] td.outdated")).getText());
        assertEquals(outdatedBefore + 1, outdatedAfter);

        // Officers do not get the editors' page.
        browser.findElement(By.xpath("//button[normalize-space()='Sign out']")).click();
        wait.until(ExpectedConditions.titleIs("Sign in — Welkom"));
        signIn(DemoData.ZWOLLE_OFFICER, DemoData.PASSWORD);
        wait.until(ExpectedConditions.titleIs("Households — Welkom"));
        browser.get(url("/dashboard/content"));
        assertFalse(browser.getPageSource().contains("language-counts"));
    }

    private void signIn(String username, String password) {
        WebElement name = browser.findElement(By.id("username"));
        name.clear();
        name.sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        WebElement button = browser.findElement(By.xpath("//main//button[normalize-space()='Sign in']"));
        button.click();
        wait.until(ExpectedConditions.stalenessOf(button));
    }

    private List<String> texts(By selector) {
        return browser.findElements(selector).stream().map(WebElement::getText).toList();
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    /** Like {@code command -v name}: the first executable of that name on the PATH. */
    private static Optional<File> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .map(Path::toFile)
                .findFirst();
    }
}
