package dev.layerscope.e2e;

import dev.layerscope.data.DataSpec;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Datasets;
import dev.layerscope.data.Scaling;
import dev.layerscope.session.Limits;
import dev.layerscope.web.Server;
import dev.layerscope.web.ServerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page in a real headless Chromium against a real server on a free port: a lesson run from
 * the builder, the same run watched from a second browser, the sample images of an image dataset,
 * and the embeddable view inside an iframe driven by postMessage. Screenshots of each step go to
 * target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class PageEndToEndTest {

    private static final int EPOCHS = 10;
    // Ten sigmoid hidden layers and the output layer.
    private static final int LAYERS = 11;
    // The chart's first point is the statistics at initialization (epoch 0), then one per epoch.
    private static final int POINTS_PER_LAYER = EPOCHS + 1;
    private static final double MIN_INKED_SHARE = 0.01;
    private static final long MIN_COLOURS = 10;
    // A plot squeezed below this height by its legend cannot be read.
    private static final double MIN_PLOT_PIXELS = 150;

    private Server server;
    private String base;

    @BeforeAll
    void startServer() {
        ServerSettings defaults = ServerSettings.defaults(0);
        ServerSettings settings = new ServerSettings("localhost", 0, "*", 2, 5.0, defaults.maxQueuedChars(),
                defaults.sendTimeoutSeconds(), defaults.helloTimeoutSeconds(), defaults.pingSeconds(), Limits.DEFAULTS);
        server = new Server(settings).start();
        base = "http://localhost:" + server.port();
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void lessonRunStreamsToOwnerAndViewer() throws IOException {
        try (Browser owner = new Browser(1400, 1000); Browser viewer = new Browser(390, 844)) {
            owner.driver.get(base + "/");
            owner.await(20, "the lesson list", d -> d.findElement(By.cssSelector("[data-lesson='vanishing']")));
            owner.screenshot("01-page-loaded");

            owner.driver.findElement(By.cssSelector("[data-lesson='vanishing']")).click();
            assertTrue(owner.driver.findElement(By.id("lesson-load-hint")).getText().startsWith("The builder still holds"),
                    "before loading, the lesson says Start would train the builder's own network");
            owner.driver.findElement(By.id("load-lesson")).click();
            assertTrue(owner.driver.findElement(By.id("lesson-load-hint")).getText().startsWith("The builder now holds"),
                    "after loading, the lesson says its network is in the builder");
            owner.await(10, "the lesson's sigmoid network in the builder",
                    d -> "sigmoid".equals(d.findElement(By.id("f-network-activation")).getAttribute("value")));
            assertEquals("10", owner.driver.findElement(By.id("f-network-depth")).getAttribute("value"));
            WebElement epochs = owner.driver.findElement(By.id("f-training-epochs"));
            epochs.clear();
            epochs.sendKeys(String.valueOf(EPOCHS));
            owner.screenshot("02-lesson-loaded");

            owner.driver.findElement(By.id("start")).click();
            owner.await(30, "the first epoch on the gradient chart", d -> minPoints(owner) >= 2);
            String sessionId = (String) owner.script("return new URLSearchParams(location.search).get('session');");
            viewer.driver.get(base + "/?session=" + sessionId);

            owner.await(120, EPOCHS + " epochs on the owner's gradient chart", d -> allLayersHave(owner, POINTS_PER_LAYER));
            owner.await(10, "the finished state", d -> d.findElement(By.id("run-status")).getText().startsWith("finished"));
            owner.screenshot("03-ten-epochs");
            owner.script("document.getElementById('network-a').scrollIntoView();");
            owner.screenshot("03b-network-and-details");
            owner.script("document.getElementById('charts').scrollIntoView();");
            owner.screenshot("03c-charts");
            assertEquals(IntStream.rangeClosed(0, EPOCHS).boxed().toList(), epochList(owner));
            assertCanvasDrawn(owner, "network-a");
            owner.driver.findElement(By.cssSelector("#chart-gradient .chart-actions button:nth-child(2)")).click();
            assertEquals(POINTS_PER_LAYER, owner.driver.findElements(By.cssSelector("#chart-gradient-table tbody tr")).size(),
                    "the table view has one row per epoch");
            assertTrue(owner.consoleErrors().isEmpty(), "console errors: " + owner.consoleErrors());

            viewer.await(60, EPOCHS + " epochs on the viewer's gradient chart", d -> allLayersHave(viewer, POINTS_PER_LAYER));
            viewer.screenshot("04-viewer");
            assertEquals(epochList(owner), epochList(viewer));
            String quantity = owner.driver.findElement(By.cssSelector("input[name='gradient-quantity']:checked")).getAttribute("value");
            viewer.driver.findElement(By.cssSelector("input[name='gradient-quantity'][value='" + quantity + "']")).click();
            // Charts redraw on a time budget, so the viewer's chart may show the new quantity a few frames later.
            Object ownerValues = owner.script(PageScripts.GRADIENT_VALUES);
            viewer.await(10, "the viewer's chart to show " + quantity,
                    d -> ownerValues.equals(viewer.script(PageScripts.GRADIENT_VALUES)));
            assertEquals(ownerValues, viewer.script(PageScripts.GRADIENT_VALUES),
                    "the viewer's " + quantity + " values equal the owner's");
            assertEquals("watching (read-only)", viewer.driver.findElement(By.id("role")).getText());
            assertFalse(viewer.driver.findElement(By.id("start")).isDisplayed(), "viewers have no start button");
            assertTrue(viewer.driver.findElement(By.id("fork")).isDisplayed(), "viewers can fork");
            @SuppressWarnings("unchecked")
            List<String> editable = (List<String>) viewer.script(
                    "return [...document.querySelectorAll('.sidebar input, .sidebar select')].filter((c) => !c.matches(':disabled')).map((c) => c.id || c.name);");
            assertEquals(List.of(), editable, "a viewer's builder is read-only");
            assertCanvasDrawn(viewer, "network-a");

            viewer.driver.findElement(By.id("fork")).click();
            viewer.await(30, "the forked session, owned by the viewer",
                    d -> d.getCurrentUrl().contains("#owner=") && "you drive this run".equals(d.findElement(By.id("role")).getText()));
            viewer.await(30, "the fork's copied history", d -> allLayersHave(viewer, POINTS_PER_LAYER));
            assertTrue(viewer.driver.findElement(By.id("start")).isDisplayed(), "the fork's owner gets the start button");
            viewer.screenshot("04b-viewer-forked");
            assertTrue(viewer.consoleErrors().isEmpty(), "console errors: " + viewer.consoleErrors());
        }
    }

    @Test
    void invalidSettingsShownBesideControls() throws IOException {
        try (Browser browser = new Browser(1200, 900)) {
            browser.driver.get(base + "/?depth=500");
            WebElement depthError = browser.await(20, "the builder", d -> d.findElement(By.id("f-network-depth-error")));
            browser.driver.findElement(By.id("start")).click();
            browser.await(20, "the server's error beside depth", d -> depthError.getText().contains("500"));
            assertTrue(depthError.getText().contains("Allowed:"), "the message says what is allowed: " + depthError.getText());
            assertEquals("500", browser.driver.findElement(By.id("f-network-depth")).getAttribute("value"),
                    "the value is kept as typed, not clamped");

            WebElement rate = browser.driver.findElement(By.id("f-training-learningRate"));
            rate.clear();
            rate.sendKeys("fast");
            browser.driver.findElement(By.id("start")).click();
            String rateError = browser.driver.findElement(By.id("f-training-learningRate-error")).getText();
            browser.screenshot("06-invalid-settings");
            assertTrue(rateError.contains("\"fast\""), "the error names the value: " + rateError);
            assertEquals("true", rate.getAttribute("aria-invalid"));
            assertTrue(depthError.getText().contains("an integer from 1 to 64"),
                    "both errors are shown together, the depth range included: " + depthError.getText());
        }
    }

    @Test
    void learningRateChangesWithoutReset() throws IOException {
        try (Browser browser = new Browser(1200, 900)) {
            browser.driver.get(base + "/?depth=2&width=8&epochs=200");
            // The builder appears once the page has booted and wired its buttons; Start exists before that.
            browser.await(20, "the builder", d -> d.findElement(By.id("f-network-depth")));
            browser.driver.findElement(By.id("start")).click();
            browser.await(30, "two epochs", d -> minPoints(browser) >= 3);
            String sessionId = (String) browser.script("return new URLSearchParams(location.search).get('session');");

            WebElement rate = browser.driver.findElement(By.id("f-training-learningRate"));
            rate.clear();
            rate.sendKeys("0.02");
            browser.driver.findElement(By.id("f-training-batchSize")).click();
            browser.await(20, "the confirmation", d -> d.findElement(By.id("messages")).getText().contains("Learning rate set to 0.02"));
            Object serverRate = browser.await(20, "the server's new learning rate", d -> browser.script(
                    "return fetch('/api/sessions/' + arguments[0]).then((r) => r.json()).then((s) => s.state.learningRate === 0.02 ? s.state.learningRate : null);",
                    sessionId));
            assertEquals(0.02, ((Number) serverRate).doubleValue());
            assertEquals(sessionId, browser.script("return new URLSearchParams(location.search).get('session');"),
                    "the same session goes on");
            browser.driver.findElement(By.id("pause")).click();

            browser.await(20, "the decision boundary of the 2-D dataset",
                    d -> d.findElement(By.id("chart-prediction")).isDisplayed());
            browser.script("document.getElementById('chart-prediction').scrollIntoView();");
            browser.screenshot("08-decision-boundary");
            assertCanvasDrawn(browser, "chart-prediction-canvas");

            browser.driver.findElement(By.cssSelector("[data-lesson='vanishing']")).click();
            browser.driver.findElement(By.id("load-lesson")).click();
            browser.await(20, "the old run cleared", d -> d.findElement(By.id("run-status")).getText().startsWith("Choose a lesson"));
            browser.script("window.scrollTo(0, 0);");
            browser.screenshot("09-lesson-loaded-after-run");
            assertEquals(List.of(), pointCounts(browser), "the old run's lines are gone from the gradient chart");
            assertEquals("", browser.driver.findElement(By.id("gradient-ratio")).getText(), "the old run's ratio is gone");
            assertEquals("weightGradientNorm",
                    browser.driver.findElement(By.cssSelector("input[name='gradient-quantity']:checked")).getAttribute("value"),
                    "the lesson's quantity is selected on load");
            assertTrue(browser.consoleErrors().isEmpty(), "console errors: " + browser.consoleErrors());
        }
    }

    @Test
    void imageDatasetShowsSampleGrid() throws IOException {
        Dataset stored = Datasets.load(DataSpec.of("digits").withScaling(Scaling.NONE), 7);
        int firstZero = IntStream.range(0, stored.test().sampleCount())
                .filter(i -> stored.test().labels()[i] == 0).findFirst().orElseThrow();
        try (Browser browser = new Browser(1200, 900)) {
            browser.driver.get(base + "/?seed=7&dataset=digits&scaling=standardize&depth=2&width=32&opt=adam&lr=0.01&epochs=5");
            // The builder appears once the page has booted and wired its buttons; Start exists before that.
            browser.await(20, "the builder", d -> d.findElement(By.id("f-network-depth")));
            browser.driver.findElement(By.id("start")).click();
            WebElement card = browser.await(30, "the predictions card", d -> {
                WebElement element = d.findElement(By.id("chart-prediction"));
                return element.isDisplayed() ? element : null;
            });
            browser.await(60, "the predictions after epoch 5",
                    d -> card.findElement(By.className("chart-note")).getText().equals("Epoch 5."));
            browser.script("document.getElementById('chart-prediction').scrollIntoView();");
            browser.screenshot("09-sample-images");

            List<WebElement> figures = card.findElements(By.cssSelector(".sample-grid figure"));
            assertEquals(20, figures.size(), "two test images of each of the 10 digits");
            WebElement canvas = figures.get(0).findElement(By.tagName("canvas"));
            assertEquals("8", canvas.getAttribute("width"));
            assertEquals("8", canvas.getAttribute("height"));
            assertFalse(card.findElement(By.className("chart-box")).isDisplayed(), "no boundary canvas for images");
            @SuppressWarnings("unchecked")
            List<Number> red = (List<Number>) browser.script(PageScripts.FIRST_SAMPLE_RED);
            for (int p = 0; p < 64; p++) {
                // The page draws ink dark: a stored value v of 0 to 16 is level round(255 v / 16), drawn as 255 - level.
                long level = Math.round(stored.test().features()[firstZero * 64 + p] * 255 / 16);
                assertEquals(255 - level, red.get(p).longValue(), "pixel " + p + " of the first zero");
            }
            long correct = figures.stream().filter(figure -> figure.getText().endsWith("✓")).count();
            assertTrue(correct >= 15, correct + " of 20 captions mark a right prediction after 5 epochs");
            assertTrue(figures.get(0).getAttribute("title").contains("with probability"), figures.get(0).getAttribute("title"));
            @SuppressWarnings("unchecked")
            List<Number> png = (List<Number>) browser.script(PageScripts.PREDICTION_PNG);
            // Rows of 10 images shown 8 x 7 = 56 pixels wide, so at least 560 x 112 pixels with their captions.
            assertTrue(png.get(0).intValue() >= 560, "exported width " + png.get(0));
            assertTrue(png.get(1).intValue() >= 112, "exported height " + png.get(1));
            assertTrue(png.get(2).intValue() > 1000, png.get(2) + " dark pixels in the export");
            assertTrue(browser.consoleErrors().isEmpty(), "console errors: " + browser.consoleErrors());
        }
    }

    @Test
    void compareRunsAdvanceInLockStep() throws IOException {
        try (Browser browser = new Browser(1400, 1000)) {
            browser.driver.get(base + "/?depth=4&width=16&act=sigmoid&init=normal&epochs=4&compare=true&b.act=relu&b.init=he-normal");
            browser.await(20, "the compare panel", d -> d.findElement(By.id("b-network-activation")).isDisplayed());
            browser.driver.findElement(By.id("start")).click();

            // Four hidden layers and the output layer, for each of the two runs.
            int compareLayers = 2 * 5;
            long[] largestGap = {0};
            List<String> statusLines = new java.util.ArrayList<>();
            browser.await(60, "four epochs of both runs", d -> {
                statusLines.add(d.findElement(By.id("run-status")).getText());
                List<Long> counts = pointCounts(browser);
                if (counts.size() == compareLayers) {
                    long gap = counts.stream().mapToLong(Long::longValue).max().orElse(0)
                            - counts.stream().mapToLong(Long::longValue).min().orElse(0);
                    largestGap[0] = Math.max(largestGap[0], gap);
                }
                return counts.size() == compareLayers && counts.stream().allMatch(count -> count == 5);
            });
            assertTrue(largestGap[0] <= 1, "one run got " + largestGap[0] + " epochs ahead of the other");
            assertTrue(statusLines.stream().noneMatch(line -> line.startsWith("paused")),
                    "lock-step is not reported as a pause: " + statusLines);
            assertTrue(statusLines.stream().anyMatch(line -> line.startsWith("stepping in lock-step")),
                    "lock-step is named in the status: " + statusLines);
            assertTrue(browser.driver.findElement(By.id("network-a-run")).isDisplayed(), "run A's canvas is captioned");
            browser.driver.findElement(By.id("network-a")).click();
            browser.await(10, "the details of run A", d -> d.findElement(By.cssSelector("#layer-details h3")).getText().startsWith("Run A, layer"));
            browser.screenshot("07-compare");
            browser.script("document.getElementById('chart-fractions').scrollIntoView();");
            browser.screenshot("07b-compare-fractions");
            Number plotHeight = (Number) browser.script(
                    "const chart = Chart.getChart(document.getElementById('chart-fractions-canvas')); return chart.chartArea.bottom - chart.chartArea.top;");
            assertTrue(plotHeight.doubleValue() >= MIN_PLOT_PIXELS, "the dead/saturated plot is only " + plotHeight + " px tall");
            @SuppressWarnings("unchecked")
            List<String> labels = (List<String>) browser.script(
                    "return Chart.getChart(document.getElementById('chart-gradient-canvas')).data.datasets.map((d) => d.label);");
            assertTrue(labels.contains("A: layer 0"), "run A on the chart: " + labels);
            assertTrue(labels.contains("B: layer 0"), "run B overlaid on the same chart: " + labels);
            assertTrue(browser.driver.findElement(By.id("network-b")).isDisplayed(), "run B has its own canvas");
            assertCanvasDrawn(browser, "network-b");
            assertTrue(browser.consoleErrors().isEmpty(), "console errors: " + browser.consoleErrors());
        }
    }

    @Test
    void embedRunsInsideIframe() throws IOException {
        try (CoursePage course = CoursePage.start(base + "/embed?lesson=vanishing&charts=gradient&hide=reset&lock=depth");
             Browser browser = new Browser(900, 800)) {
            browser.driver.get(course.url());
            browser.await(30, "the ready event from the embedded page", d -> eventTypes(browser).contains("layerscope:ready"));
            browser.driver.switchTo().frame(0);
            assertEquals("weightGradientNorm",
                    browser.driver.findElement(By.cssSelector("input[name='gradient-quantity']:checked")).getAttribute("value"),
                    "the lesson's quantity is selected before Start");
            String idleStatus = browser.driver.findElement(By.id("run-status")).getText();
            assertFalse(idleStatus.startsWith("Choose a lesson"), "the status knows a lesson is loaded: " + idleStatus);
            browser.driver.switchTo().defaultContent();

            browser.script("document.querySelector('iframe').contentWindow.postMessage({type: 'layerscope:start'}, '*');");
            browser.await(60, "two epoch events from the embedded page", d -> epochEvents(browser) >= 2);
            browser.screenshot("05-embed-in-iframe");
            assertTrue(eventTypes(browser).contains("layerscope:state"), "state events reach the embedding page");
            assertEquals(1, eventTypes(browser).stream().filter("layerscope:ready"::equals).count(), "one ready event");
            assertEquals(0L, browser.script("return window.layerscopeEvents.find((event) => event && event.type === 'layerscope:epoch').epoch;"),
                    "the first epoch event is the snapshot at initialization");

            browser.driver.switchTo().frame(0);
            assertFalse(browser.driver.findElement(By.id("reset")).isDisplayed(), "hide=reset hides the reset button");
            assertFalse(browser.driver.findElement(By.id("f-network-depth")).isEnabled(), "lock=depth disables depth");
            assertEquals("Vanishing gradients in a deep sigmoid net", browser.driver.findElement(By.id("embed-title")).getText());
            browser.await(30, "points on the embedded gradient chart", d -> minPoints(browser) >= 2);
            assertCanvasDrawn(browser, "network-a");
            browser.script("document.getElementById('chart-gradient').scrollIntoView();");
            browser.driver.switchTo().defaultContent();
            browser.screenshot("05b-embed-chart");
            browser.driver.switchTo().frame(0);
            browser.driver.switchTo().defaultContent();
            assertTrue(browser.consoleErrors().isEmpty(), "console errors: " + browser.consoleErrors());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventTypes(Browser browser) {
        return (List<String>) browser.script("return window.layerscopeEvents.map((event) => event && event.type);");
    }

    private static long epochEvents(Browser browser) {
        return (Long) browser.script("return window.layerscopeEvents.filter((event) => event && event.type === 'layerscope:epoch').length;");
    }

    @SuppressWarnings("unchecked")
    private static List<Long> pointCounts(Browser browser) {
        List<Long> counts = (List<Long>) browser.script(PageScripts.GRADIENT_POINTS_PER_LAYER);
        return counts == null ? List.of() : counts;
    }

    @SuppressWarnings("unchecked")
    private static long minPoints(Browser browser) {
        List<Long> counts = (List<Long>) browser.script(PageScripts.GRADIENT_POINTS_PER_LAYER);
        return counts == null || counts.isEmpty() ? 0 : counts.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    @SuppressWarnings("unchecked")
    private static boolean allLayersHave(Browser browser, int points) {
        List<Long> counts = (List<Long>) browser.script(PageScripts.GRADIENT_POINTS_PER_LAYER);
        return counts != null && counts.size() == LAYERS && counts.stream().allMatch(count -> count == points);
    }

    @SuppressWarnings("unchecked")
    private static List<Integer> epochList(Browser browser) {
        List<Number> epochs = (List<Number>) browser.script(PageScripts.GRADIENT_EPOCHS);
        return epochs.stream().map(Number::intValue).toList();
    }

    @SuppressWarnings("unchecked")
    private static void assertCanvasDrawn(Browser browser, String canvasId) {
        List<Number> ink = (List<Number>) browser.script(PageScripts.CANVAS_INK, canvasId);
        double share = ink.get(0).doubleValue();
        long colours = ink.get(1).longValue();
        assertTrue(share >= MIN_INKED_SHARE, "canvas " + canvasId + " is nearly blank: " + share + " of pixels drawn");
        assertTrue(colours >= MIN_COLOURS, "canvas " + canvasId + " has only " + colours + " colours");
    }
}
