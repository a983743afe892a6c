package dev.layerscope.bench;

import dev.layerscope.session.Status;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The page in headless Chromium watching a deep network train: the intervals between animation frames
 * while epochs stream in, and the JavaScript heap after a long run (after a forced collection).
 * Chromium starts with {@code --js-flags=--expose-gc} and {@code --enable-precise-memory-info} for that.
 */
final class PageBench {

    private static final String CONFIG = """
            {"seed": 9, "data": {"dataset": "spirals", "samples": 100},
             "network": {"depth": %d, "width": 16, "activation": "tanh", "init": {"kind": "glorot-normal"}},
             "training": {"optimizer": "sgd", "learningRate": 0.05, "batchSize": 80, "epochs": %d}}""";
    private static final Pattern EPOCH = Pattern.compile("epoch (\\d+)");
    /**
     * Lowest server speed the run limit allows for, in epochs per second. A 2-core machine at load
     * averages of 12 to 20 trained the 65-layer network at about 9 epochs per second.
     */
    private static final double SLOWEST_EPOCHS_PER_SECOND = 5;
    /** Time the page may take after the server's last epoch to show it; 60 s left it 47 epochs short under load. */
    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(300);
    /** The page epoch at which the heap is read while the run streams, besides at start and at the end. */
    private static final int HEAP_CHECKPOINT_EPOCH = 1_000;
    /**
     * Wait after the page has shown the last epoch before the heap is read once more: the connection
     * sends scalar frames before queued detail frames, so detail frames can still arrive then.
     */
    private static final Duration QUIET_BEFORE_LAST_HEAP = Duration.ofSeconds(30);

    /** Collects animation-frame intervals for {@code arguments[0]} ms and passes them to the callback. */
    private static final String FRAME_INTERVALS = """
            const done = arguments[arguments.length - 1];
            const intervals = [];
            let last = null;
            const end = performance.now() + arguments[0];
            const tick = (now) => {
              if (last !== null) { intervals.push(now - last); }
              last = now;
              if (now < end) { requestAnimationFrame(tick); } else { done(intervals); }
            };
            requestAnimationFrame(tick);""";

    private final PrintStream out;

    PageBench(PrintStream out) {
        this.out = out;
    }

    void run(int depth, int epochs, double epochsPerSecond) throws IOException {
        try (LoadServer load = LoadServer.start(epochsPerSecond, 10, 1_000_000, 256, Math.max(epochs, 2000))) {
            LoadServer.Created created = load.create(CONFIG.formatted(depth, epochs));
            Path profile = Files.createTempDirectory("layerscope-bench-chromium-");
            ChromeDriver driver = startChromium(profile);
            try {
                measure(load, created, driver, depth, epochs, epochsPerSecond);
            } finally {
                driver.quit();
                deleteTree(profile);
            }
        }
    }

    private void measure(LoadServer load, LoadServer.Created created, ChromeDriver driver, int depth, int epochs,
                         double epochsPerSecond) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        driver.get("http://127.0.0.1:" + load.server.port() + "/?session=" + created.id() + "#owner=" + created.ownerKey());
        Waits.until(() -> pageEpoch(driver) >= 0, Duration.ofSeconds(60));
        double heapAtStart = heapMib(driver);
        ViewerSocket owner = load.connect(created.id(), created.ownerKey(), new PublishLog());
        Waits.until(owner::welcomed, Duration.ofSeconds(30));
        owner.send("{\"type\":\"start\"}");
        long started = System.nanoTime();
        Waits.until(() -> pageEpoch(driver) >= 20, Duration.ofSeconds(60));

        double[] intervals = frameIntervals(driver, 10_000);
        long runLimitSeconds = (long) (epochs / Math.min(epochsPerSecond / 3, SLOWEST_EPOCHS_PER_SECOND)) + 120;
        int checkpoint = Math.min(HEAP_CHECKPOINT_EPOCH, epochs);
        Waits.until(() -> pageEpoch(driver) >= checkpoint, Duration.ofSeconds(runLimitSeconds));
        int checkpointEpoch = pageEpoch(driver);
        double heapAtCheckpoint = heapMib(driver);
        Waits.until(() -> load.session(created.id()).state().status() == Status.FINISHED, Duration.ofSeconds(runLimitSeconds));
        double runSeconds = (System.nanoTime() - started) / 1e9;
        int serverEpoch = load.session(created.id()).state().epoch();
        boolean caughtUp = Waits.until(() -> pageEpoch(driver) >= epochs, CATCH_UP_LIMIT);
        int pageEpoch = pageEpoch(driver);
        Object connection = driver.executeScript("return document.getElementById('connection')?.textContent ?? '';");
        Object thinningNote = driver.executeScript("return document.getElementById('gradient-thinning')?.textContent ?? '';");
        double heapAtEnd = heapMib(driver);
        Waits.pause(QUIET_BEFORE_LAST_HEAP);
        double heapAfterQuiet = heapMib(driver);
        double heapWithoutChartData = heapWithoutChartDataMib(driver);
        owner.close();

        out.printf(Locale.ROOT, "{\"benchmark\": \"page\", \"layers\": %d, \"epochs\": %d, "
                        + "\"epochs_per_second_cap\": %.0f, \"server_epoch\": %d, \"run_seconds\": %.0f, "
                        + "\"page_epoch\": %d, \"page_connection\": \"%s\", \"caught_up\": %b, \"frame_interval_ms_p50\": %.1f, \"frame_interval_ms_p95\": %.1f, "
                        + "\"frame_interval_ms_p99\": %.1f, \"frame_interval_ms_max\": %.1f, \"frames\": %d, "
                        + "\"js_heap_mib_start\": %.1f, \"checkpoint_page_epoch\": %d, \"js_heap_mib_checkpoint\": %.1f, "
                        + "\"js_heap_mib_end\": %.1f, \"js_heap_mib_30s_after_end\": %.1f, \"js_heap_mib_without_chart_data\": %.1f, "
                        + "\"gradient_chart_note\": \"%s\"}%n",
                depth + 1, epochs, epochsPerSecond, serverEpoch, runSeconds, pageEpoch, connection, caughtUp, Percentiles.median(intervals), Percentiles.percentile(intervals, 95),
                Percentiles.percentile(intervals, 99), java.util.Arrays.stream(intervals).max().orElse(Double.NaN),
                intervals.length, heapAtStart, checkpointEpoch, heapAtCheckpoint, heapAtEnd, heapAfterQuiet, heapWithoutChartData,
                thinningNote);
        out.flush();
    }

    private static ChromeDriver startChromium(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--js-flags=--expose-gc", "--enable-precise-memory-info", "--window-size=1400,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Returns the epoch the page's status line shows, or -1 before it shows one. */
    private static int pageEpoch(ChromeDriver driver) {
        Object text = driver.executeScript("return document.getElementById('run-status')?.textContent ?? '';");
        Matcher matcher = EPOCH.matcher(String.valueOf(text));
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static double[] frameIntervals(ChromeDriver driver, int millis) {
        Object result = ((JavascriptExecutor) driver).executeAsyncScript(FRAME_INTERVALS, millis);
        return ((List<?>) result).stream().mapToDouble(value -> ((Number) value).doubleValue()).toArray();
    }

    /**
     * Empties every Chart.js chart's datasets, redraws, and returns the heap after a collection, so the
     * difference to the heap before is what the charts' data and their Chart.js elements take. Run last:
     * the charts stay empty until the next redraw.
     */
    private static double heapWithoutChartDataMib(ChromeDriver driver) {
        driver.executeScript("for (const chart of Object.values(window.Chart.instances)) {"
                + " chart.data.datasets = []; chart.update('none'); }");
        return heapMib(driver);
    }

    private static double heapMib(ChromeDriver driver) {
        Object bytes = driver.executeScript("window.gc(); return performance.memory.usedJSHeapSize;");
        return ((Number) bytes).doubleValue() / 1048576.0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
