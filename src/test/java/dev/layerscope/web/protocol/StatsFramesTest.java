package dev.layerscope.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.stats.Histogram;
import dev.layerscope.stats.LayerStats;
import dev.layerscope.stats.Summary;
import dev.layerscope.stats.UnitSample;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsFramesTest {

    private static final int LAYERS = 64;
    private static final int WIDTH = 1024;
    /** The server's highest allowed unit sample and histogram bins (ServeOptions caps the limits there). */
    private static final int UNIT_SAMPLE = 256;
    private static final int BINS = 200;
    /**
     * A double whose shortest decimal form is as long as a double's can be: 17 significant digits,
     * a sign and a three-digit exponent ({@code -1.2345678901234567E-123}, 24 characters).
     */
    private static final double LONGEST = -1.2345678901234567E-123;

    @Test
    void epochFrameOf64WideLayersStaysUnder64KB() {
        EpochStats stats = worstCase();

        String frame = StatsFrames.epochFrame(stats);

        int bytes = frame.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 64 * 1024, "epoch frame has " + bytes + " bytes");
        assertFalse(frame.contains("\"histogram\""));
        assertFalse(frame.contains("\"units\""));
    }

    @Test
    void detailFramesStayUnder64KBAndCoverEveryLayer() throws Exception {
        EpochStats stats = worstCase();

        List<String> frames = StatsFrames.detailFrames(stats);

        Set<Integer> layerIndices = new HashSet<>();
        for (int i = 0; i < frames.size(); i++) {
            String frame = frames.get(i);
            int bytes = frame.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes < StatsFrames.MAX_FRAME_BYTES, "detail frame " + i + " has " + bytes + " bytes");
            JsonNode node = Json.MAPPER.readTree(frame);
            assertEquals(i == frames.size() - 1, node.get("done").asBoolean());
            for (JsonNode layer : node.get("layers")) {
                layerIndices.add(layer.get("layerIndex").asInt());
                assertEquals(BINS, layer.path("histograms").path("preActivation").path("counts").size());
                assertEquals(UNIT_SAMPLE, layer.path("units").path("indices").size());
            }
        }
        assertEquals(LAYERS, layerIndices.size());
        assertTrue(frames.size() > 1, "64 full layers cannot fit one frame, so the split is exercised");
    }

    @Test
    void historyFramesSplitAndKeepOrder() throws Exception {
        List<EpochStats> entries = new ArrayList<>();
        for (int epoch = 0; epoch < 5; epoch++) {
            entries.add(worstCase(epoch));
        }

        List<String> frames = StatsFrames.historyFrames(entries);

        List<Integer> epochs = new ArrayList<>();
        for (String frame : frames) {
            assertTrue(frame.getBytes(StandardCharsets.UTF_8).length < StatsFrames.MAX_FRAME_BYTES);
            for (JsonNode entry : Json.MAPPER.readTree(frame).get("epochs")) {
                epochs.add(entry.get("epoch").asInt());
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4), epochs);
    }

    @Test
    void emptyHistoryIsOneDoneFrame() throws Exception {
        List<String> frames = StatsFrames.historyFrames(List.of());

        assertEquals(1, frames.size());
        JsonNode frame = Json.MAPPER.readTree(frames.get(0));
        assertEquals("history", frame.get("type").asText());
        assertTrue(frame.get("done").asBoolean());
        assertEquals(0, frame.get("epochs").size());
    }

    @Test
    void nonFiniteNumbersAreStrings() throws Exception {
        EpochStats stats = new EpochStats(1, 2, Double.NaN, 0.5, Double.POSITIVE_INFINITY, 0.5, 0.1, 10,
                List.of(layer(0, 4, 2, 4)));

        JsonNode frame = Json.MAPPER.readTree(StatsFrames.epochFrame(stats));

        assertEquals("NaN", frame.path("stats").path("trainLoss").asText());
        assertTrue(frame.path("stats").path("trainLoss").isTextual());
        assertEquals("Infinity", frame.path("stats").path("testLoss").asText());
    }

    @Test
    void framesRoundTripDoublesExactly() throws Exception {
        // Values whose shortest decimals are hard to get right: a subnormal, the largest double, a sum
        // with a rounding error (0.30000000000000004), and 17 significant digits.
        double[] values = {Double.MIN_VALUE, Double.MAX_VALUE, 0.1 + 0.2, LONGEST, 1e-300, 2.0E-3};
        for (double value : values) {
            EpochStats stats = new EpochStats(1, 2, value, 0.5, 0.5, 0.5, 0.1, 10, List.of(layer(0, 4, 2, 4)));

            JsonNode epoch = Json.MAPPER.readTree(StatsFrames.epochFrame(stats));
            JsonNode history = Json.MAPPER.readTree(StatsFrames.historyFrames(List.of(stats)).get(0));

            assertEquals(value, epoch.path("stats").path("trainLoss").asDouble(), 0.0, "epoch frame of " + value);
            assertEquals(value, history.path("epochs").path(0).path("trainLoss").asDouble(), 0.0, "history frame of " + value);
        }
    }

    @Test
    void detailFrameCarriesHistogramValues() throws Exception {
        EpochStats stats = new EpochStats(1, 2, 0.5, 0.5, 0.5, 0.5, 0.1, 10, List.of(layer(0, 4, 2, 4)));

        JsonNode frame = Json.MAPPER.readTree(StatsFrames.detailFrames(stats).get(0));

        JsonNode histogram = frame.path("layers").path(0).path("histograms").path("activation");
        assertEquals(LONGEST, histogram.path("edges").path(4).asDouble(), 0.0);
        assertEquals(1_048_576L, histogram.path("counts").path(3).asLong());
        assertEquals(2, frame.path("layers").path(0).path("units").path("indices").size());
    }

    private static EpochStats worstCase() {
        return worstCase(123456);
    }

    private static EpochStats worstCase(int epoch) {
        List<LayerStats> layers = new ArrayList<>();
        for (int i = 0; i < LAYERS; i++) {
            layers.add(layer(i, WIDTH, UNIT_SAMPLE, BINS));
        }
        return new EpochStats(epoch, 9_876_543_210L, LONGEST, LONGEST, LONGEST, LONGEST, LONGEST, LONGEST, layers);
    }

    private static LayerStats layer(int layerIndex, int width, int unitSample, int bins) {
        int[] indices = new int[unitSample];
        double[] values = new double[unitSample];
        boolean[] flags = new boolean[unitSample];
        for (int u = 0; u < unitSample; u++) {
            indices[u] = u * (width / unitSample);
            values[u] = LONGEST;
            flags[u] = u % 2 == 0;
        }
        UnitSample units = new UnitSample(indices, values, values, flags, flags);
        return new LayerStats(layerIndex, width, width, "leaky-relu", summary(bins), summary(bins), LONGEST, LONGEST,
                summary(bins), LONGEST, LONGEST, LONGEST, LONGEST, LONGEST, LONGEST, units);
    }

    private static Summary summary(int bins) {
        double[] edges = new double[bins + 1];
        long[] counts = new long[bins];
        java.util.Arrays.fill(edges, LONGEST);
        java.util.Arrays.fill(counts, 1_048_576L);
        return new Summary(1_048_576L, LONGEST, LONGEST, LONGEST, LONGEST, new Histogram(edges, counts));
    }
}
