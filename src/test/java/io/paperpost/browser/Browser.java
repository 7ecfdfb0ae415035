package io.paperpost.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven by Debian's ChromeDriver, for one test class (a start costs seconds on two
 * cores). Both binaries are given explicitly, so Selenium Manager never runs and nothing is downloaded; without them
 * the tests are skipped ({@link #missing()}).
 */
public final class Browser implements AutoCloseable {

    /** Debian's packages' paths; other systems can point elsewhere with -Dpaperpost.browser.chromium=... */
    static final Path CHROMIUM = Path.of(System.getProperty("paperpost.browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(
            System.getProperty("paperpost.browser.chromedriver", "/usr/bin/chromedriver"));

    /** What the page checks wait for at most: a preview fetch, a poll of the dashboard. */
    static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why the browser tests cannot run here, or empty when Chromium and ChromeDriver are installed. */
    public static java.util.Optional<String> missing() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Browser tests skipped: " + CHROMIUM + " or " + CHROMEDRIVER + " is missing. "
                + "Install the Debian packages: apt-get install chromium chromium-driver (.ci/run does it as root).");
    }

    /** Starts Chromium; call only when {@link #missing()} is empty. */
    public static Browser start() {
        // Only raw CDP commands are used (executeCdpCommand), which need none of Selenium's per-version devtools
        // modules: its warning that none matches Chromium 156 says nothing here.
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder").setLevel(Level.SEVERE);
        Path profile;
        try {
            profile = Files.createTempDirectory("paperpost-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The background-networking flags keep Chromium from calling home: this network refuses those connections.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        // The console's errors (a failing script, a missing favicon) are part of each page's check.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** Lays the page out at this width, as a phone ({@code width < 600}) or a desktop, in light or dark mode. */
    public void emulate(int width, boolean dark) {
        boolean phone = width < 600;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height",
                phone ? 812 : 900, "deviceScaleFactor", 1, "mobile", phone));
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
    }

    /** Sends this header with every request of the page, its fetches included (the admin's basic auth). */
    public void sendWithEveryRequest(String name, String value) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of(name, value)));
    }

    /** A PNG of the whole page, beyond the viewport. */
    public void screenshot(Path file) {
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's errors since the last call (scripts that failed, resources that did not load). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage)
                .toList();
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Presses Tab until the focused element matches, at most {@code limit} times; fails if it never does. */
    public WebElement tabUntil(String description, Function<WebElement, Boolean> wanted, int limit) {
        for (int i = 0; i < limit; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement element = focused();
            if (wanted.apply(element)) {
                return element;
            }
        }
        throw new AssertionError("Tab never reached " + description + " in " + limit + " presses (on "
                + driver.getCurrentUrl() + ")");
    }

    /** Types into whatever has the focus. */
    public void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    public <T> T waitUntil(String what, Function<WebDriver, T> condition) {
        return waitUntil(what, WAIT, condition);
    }

    /**
     * Waits for the condition, asking again when an element it read was replaced meanwhile: a form post swaps the
     * whole page, so an element found on the old page goes stale between find and read (seen in CI on the h1).
     */
    public <T> T waitUntil(String what, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A leftover temp profile is harmless.
            }
        }
    }
}
