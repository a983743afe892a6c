package dev.layerscope.e2e;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * One headless Debian Chromium driven by Selenium, with its own profile folder that is deleted on
 * close. The driver and browser paths are given explicitly, so Selenium Manager never downloads
 * anything.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String CHROMIUM = "/usr/bin/chromium";

    final ChromeDriver driver;
    private final Path profile;
    private final List<String> consoleErrors = new ArrayList<>();

    Browser(int width, int height) throws IOException {
        profile = Files.createTempDirectory("layerscope-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    /**
     * Waits up to `seconds` for `condition` to return a non-null, non-false value, and returns it. On
     * timeout it saves a screenshot named after the description and adds the page's status line and
     * messages to the exception, so a failure in CI shows what the page was showing.
     */
    <T> T await(int seconds, String description, Function<ChromeDriver, T> condition) {
        try {
            // The page replaces elements as frames arrive, so an element found in one poll can be gone
            // by the next call on it. Such a poll is retried instead of failing the test.
            return new WebDriverWait(driver, Duration.ofSeconds(seconds))
                    .withMessage(description)
                    .ignoring(StaleElementReferenceException.class)
                    .until(ignored -> condition.apply(driver));
        } catch (TimeoutException e) {
            Object page = script("""
                    const text = (id) => document.getElementById(id)?.textContent ?? '';
                    return `status: ${text('run-status')} | messages: ${text('messages')} | connection: ${text('connection')}`;""");
            try {
                screenshot("timeout-" + description.replaceAll("[^A-Za-z0-9]+", "-"));
            } catch (IOException | RuntimeException screenshotFailure) {
                e.addSuppressed(screenshotFailure);
            }
            throw new TimeoutException(description + " (page " + page + ")", e);
        }
    }

    Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /** Saves a PNG of the whole window as target/screenshots/NAME.png and returns its path. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Console messages of level SEVERE (errors and failed loads) seen so far. */
    List<String> consoleErrors() {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(entry.getMessage());
            }
        }
        return List.copyOf(consoleErrors);
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
