package nl.welkom.dashboard;

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
 * Debian's headless Chromium driven by Debian's chromedriver for the browser tests, with a fresh
 * profile that is deleted on {@link #close()}. Fails (never skips) when either is missing.
 */
final class HeadlessChromium implements AutoCloseable {
    /**
     * The tests drive the browser over WebDriver only, never the DevTools protocol, so Selenium's
     * warning that its CDP bindings are older than Debian's Chromium does not apply: quieten it.
     * Held in a field because java.util.logging keeps loggers only weakly.
     */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final String INSTALL_HINT =
            "The browser test needs Debian's chromium and chromium-driver: run scripts/ensure-chromium.sh";

    private final Path profile;
    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String site;
    /** The sign-in page's title in the language the browser asks for. */
    private final String signInTitle;

    private HeadlessChromium(Path profile, WebDriver driver, String site, String signInTitle) {
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.site = site;
        this.signInTitle = signInTitle;
    }

    /**
     * A browser for the test's {@code server} that asks for American English first
     * ({@code Accept-Language: en-US,en}), like most test machines.
     */
    static HeadlessChromium start(EmbeddedServer server) throws IOException {
        return start(server, "en-US,en");
    }

    /**
     * A browser for the test's {@code server} whose language settings ask for {@code acceptLanguages}:
     * English, or Dutch such as {@code nl-NL,nl}.
     */
    static HeadlessChromium start(EmbeddedServer server, String acceptLanguages) throws IOException {
        // Selenium Manager must not look for or download anything: the paths below are all it needs.
        System.setProperty("SE_OFFLINE", "true");
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
        File chromium = onPath("chromium").orElseThrow(() -> new IllegalStateException(INSTALL_HINT + " (no chromium)"));
        File chromedriver = onPath("chromedriver")
                .orElseThrow(() -> new IllegalStateException(INSTALL_HINT + " (no chromedriver)"));
        Path profile = Files.createTempDirectory("welkom-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile,
                "--lang=" + acceptLanguages.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver)
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        String signInTitle = acceptLanguages.startsWith("nl") ? "Aanmelden — Welkom" : "Sign in — Welkom";
        return new HeadlessChromium(profile, new ChromeDriver(service, options), "http://localhost:" + server.getPort(),
                signInTitle);
    }

    /** The address of {@code path} on the test's server. */
    String url(String path) {
        return site + path;
    }

    WebDriver driver() {
        return driver;
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** Fills in the sign-in form on the current page and waits until it has been submitted. */
    void signIn(String username, String password) {
        WebElement name = driver.findElement(By.id("username"));
        name.clear();
        name.sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement button = driver.findElement(By.id("sign-in"));
        button.click();
        waitUntilGone(button);
    }

    /**
     * Waits until {@code element} has left the page, as it does when a form's submission loads the next
     * page. Chromium sometimes answers a probe of an element from the page being replaced with an
     * "inspector error" rather than a stale-element error: both mean it is gone.
     */
    void waitUntilGone(WebElement element) {
        wait.until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (WebDriverException e) {
                return true;
            }
        });
    }

    /** Opens the sign-in page, signs in with the demo password and waits for the page titled {@code landingTitle}. */
    void signInAs(String username, String landingTitle) {
        signInFrom("/login", username, landingTitle);
    }

    /**
     * Opens {@code path} signed out, which must show the sign-in page, signs in with the demo password
     * and waits for the page titled {@code landingTitle}.
     */
    void signInFrom(String path, String username, String landingTitle) {
        driver.get(url(path));
        wait.until(ExpectedConditions.titleIs(signInTitle));
        signIn(username, DemoData.PASSWORD);
        wait.until(ExpectedConditions.titleIs(landingTitle));
    }

    /** The visible text of every element matching {@code selector}. */
    List<String> texts(By selector) {
        return driver.findElements(selector).stream().map(WebElement::getText).toList();
    }

    @Override
    public void close() {
        driver.quit();
        DemoData.deleteRecursively(profile);
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
