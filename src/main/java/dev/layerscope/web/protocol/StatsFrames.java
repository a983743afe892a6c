package dev.layerscope.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.layerscope.stats.EpochStats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;

/**
 * Splits statistics into the frames of the protocol. An {@code epoch} frame carries every scalar of
 * a snapshot, so its size depends on the layer count only; the heavy parts (each summary's
 * histogram and each layer's unit sample) go into {@code detail} frames. History and detail are
 * split into frames of at most {@link #MAX_FRAME_BYTES}.
 */
public final class StatsFrames {

    /** The size a history or detail frame stays under, unless one entry alone is larger. */
    public static final int MAX_FRAME_BYTES = 64 * 1024;

    private static final String HISTOGRAM = "histogram";
    private static final String UNITS = "units";
    /** Room for the frame's own fields around its list of entries. */
    private static final int ENVELOPE_BYTES = 128;

    private StatsFrames() {
    }

    /** Returns the {@code epoch} frame of {@code stats}. */
    public static String epochFrame(EpochStats stats) {
        return Json.write(new ServerMessage.Epoch(scalars(stats)));
    }

    /** Returns the {@code history} frames of {@code entries}, at least one, the last marked done. */
    public static List<String> historyFrames(List<EpochStats> entries) {
        List<String> frames = new ArrayList<>();
        historyFrameIterator(entries).forEachRemaining(frames::add);
        return frames;
    }

    /**
     * Returns the {@code history} frames of {@code entries} one at a time, each encoded when asked
     * for, so that a long history is never held as text all at once. Not thread-safe.
     */
    public static Iterator<String> historyFrameIterator(List<EpochStats> entries) {
        return new HistoryFrames(entries);
    }

    /** Encodes history entries into frames of at most {@link #MAX_FRAME_BYTES}, on demand. */
    private static final class HistoryFrames implements Iterator<String> {

        private final List<EpochStats> entries;
        private int nextEntry;
        private EncodedEntry carried;
        private boolean started;

        HistoryFrames(List<EpochStats> entries) {
            this.entries = List.copyOf(entries);
        }

        @Override
        public boolean hasNext() {
            return !started || carried != null || nextEntry < entries.size();
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException("the history was sent completely");
            }
            started = true;
            List<JsonNode> chunk = new ArrayList<>();
            int bytes = ENVELOPE_BYTES;
            while (carried != null || nextEntry < entries.size()) {
                EncodedEntry entry = carried != null ? carried : EncodedEntry.of(scalars(entries.get(nextEntry++)));
                carried = null;
                if (!chunk.isEmpty() && bytes + entry.bytes() > MAX_FRAME_BYTES) {
                    carried = entry;
                    break;
                }
                chunk.add(entry.node());
                bytes += entry.bytes();
            }
            return Json.write(new ServerMessage.History(chunk, !hasNext()));
        }
    }

    /**
     * A frame entry serialised once: {@code node} writes the same JSON text again without converting
     * it, and {@code bytes} is its UTF-8 length plus one for the separating comma.
     */
    private record EncodedEntry(JsonNode node, int bytes) {

        static EncodedEntry of(JsonNode entry) {
            String text = Json.write(entry);
            return new EncodedEntry(Json.MAPPER.getNodeFactory().rawValueNode(new RawValue(text)),
                    text.getBytes(StandardCharsets.UTF_8).length + 1);
        }
    }

    /** Returns the {@code detail} frames of {@code stats}, at least one, the last marked done. */
    public static List<String> detailFrames(EpochStats stats) {
        JsonNode tree = Json.MAPPER.valueToTree(stats);
        List<EncodedEntry> layers = new ArrayList<>();
        for (JsonNode layer : tree.path("layers")) {
            layers.add(EncodedEntry.of(layerDetail(layer)));
        }
        return chunk(layers, (chunk, done) -> new ServerMessage.Detail(stats.epoch(), stats.step(), done, chunk));
    }

    /** Returns {@code stats} as a JSON tree without histograms and unit samples. */
    public static ObjectNode scalars(EpochStats stats) {
        ObjectNode tree = Json.MAPPER.valueToTree(stats);
        for (JsonNode layer : tree.path("layers")) {
            ObjectNode layerNode = (ObjectNode) layer;
            layerNode.remove(UNITS);
            for (JsonNode field : layerNode) {
                if (field.isObject()) {
                    ((ObjectNode) field).remove(HISTOGRAM);
                }
            }
        }
        return tree;
    }

    /** Collects every histogram of a layer, keyed by its summary's field name, and the unit sample. */
    private static JsonNode layerDetail(JsonNode layer) {
        ObjectNode detail = Json.MAPPER.createObjectNode();
        detail.set("layerIndex", layer.get("layerIndex"));
        ObjectNode histograms = detail.putObject("histograms");
        Iterator<Map.Entry<String, JsonNode>> fields = layer.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode histogram = field.getValue().get(HISTOGRAM);
            if (field.getValue().isObject() && histogram != null && !histogram.isNull()) {
                histograms.set(field.getKey(), histogram);
            }
        }
        detail.set(UNITS, layer.has(UNITS) ? layer.get(UNITS) : Json.MAPPER.nullNode());
        return detail;
    }

    private static List<String> chunk(List<EncodedEntry> entries, BiFunction<List<JsonNode>, Boolean, ServerMessage> frame) {
        List<List<JsonNode>> chunks = new ArrayList<>();
        List<JsonNode> current = new ArrayList<>();
        int currentBytes = ENVELOPE_BYTES;
        for (EncodedEntry entry : entries) {
            if (!current.isEmpty() && currentBytes + entry.bytes() > MAX_FRAME_BYTES) {
                chunks.add(current);
                current = new ArrayList<>();
                currentBytes = ENVELOPE_BYTES;
            }
            current.add(entry.node());
            currentBytes += entry.bytes();
        }
        chunks.add(current);
        List<String> frames = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            frames.add(Json.write(frame.apply(chunks.get(i), i == chunks.size() - 1)));
        }
        return frames;
    }
}
