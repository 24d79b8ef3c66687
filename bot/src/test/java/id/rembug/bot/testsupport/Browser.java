package id.rembug.bot.testsupport;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * A real headless Chromium for page tests: Debian's {@code chromium} driven by Debian's
 * {@code chromedriver}, with a fresh profile each time. Selenium Manager is never consulted
 * (the driver path is given), so nothing is downloaded. One browser serves a whole test class,
 * as starting it is the slow part:
 * <pre>{@code
 * @RegisterExtension
 * static final Browser browser = Browser.perTestClass();
 * }</pre>
 *
 * <p>Without the two packages the test class is skipped, except on CI ({@code CI=true}), where
 * their absence is a setup error and fails loudly.
 */
public final class Browser implements AutoCloseable, BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private static final List<String> FLAGS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--window-size=1280,900");

    private ChromeDriver driver;
    private Path profile;

    private Browser() {
    }

    /** A browser that opens before the test class's first test and closes after its last. */
    public static Browser perTestClass() {
        return new Browser();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        launch();
    }

    /**
     * Leaves the page after each test: a page that polls (the simulator's chat logs, the
     * dashboard) would otherwise go on asking for a group the next test's empty Redis no longer
     * has, and that test would read the 404s as its own console errors.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        if (driver != null) {
            driver.get("about:blank");
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /** Starts Chromium, or skips the calling test class when none is installed (outside CI). */
    private void launch() {
        if (!installed()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI needs Debian's chromium and chromium-driver: "
                        + "apt-get install -y chromium chromium-driver");
            }
            Assumptions.abort("Debian's chromium and chromium-driver are not installed");
        }
        try {
            profile = Files.createTempDirectory("rembug-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    public WebDriver driver() {
        return chrome();
    }

    public void open(String url) {
        chrome().get(url);
    }

    public WebElement find(By by) {
        return chrome().findElement(by);
    }

    /** Waits (up to 10 s) until the condition holds, as a page that polls needs a moment. */
    public <T> T await(Function<WebDriver, T> condition) {
        // The page swaps its chat logs as they change: an element found a moment ago may be gone.
        return new WebDriverWait(chrome(), Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> {
                    try {
                        return condition.apply(driver);
                    } catch (org.openqa.selenium.WebDriverException detached) {
                        // Chromium reports an element of a page that is being replaced this way rather
                        // than as stale; it is the same thing, so look again.
                        if (String.valueOf(detached.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw detached;
                    }
                });
    }

    /** Clicks something that makes the page load anew (a redirect or refresh), and waits for the new page. */
    public void clickAndAwaitReload(By by) {
        WebElement oldPage = chrome().findElement(By.tagName("html"));
        await(ExpectedConditions.elementToBeClickable(by)).click();
        await(ExpectedConditions.stalenessOf(oldPage));
        await(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    public WebElement awaitVisible(By by) {
        return await(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void resize(int width, int height) {
        chrome().manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Saves what the page looks like now, as PNG (for a person to look at). */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, chrome().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console errors and uncaught exceptions the page produced since the last call. */
    public List<String> consoleErrors() {
        return chrome().manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            deleteProfile();
        }
    }

    private ChromeDriver chrome() {
        if (driver == null) {
            throw new IllegalStateException("The browser is only open while its test class runs");
        }
        return driver;
    }

    private void deleteProfile() {
        if (profile == null) {
            return;
        }
        // a temp dir left behind is harmless
        FileSystemUtils.deleteRecursively(profile.toFile());
        profile = null;
    }
}
