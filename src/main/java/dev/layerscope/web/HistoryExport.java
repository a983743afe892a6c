package dev.layerscope.web;

import dev.layerscope.stats.EpochStats;
import dev.layerscope.stats.LayerStats;
import dev.layerscope.stats.Summary;
import dev.layerscope.web.protocol.StatsJson;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A session's history as JSON Lines (one complete {@code EpochStats} a line) or CSV (one row per layer and entry). */
final class HistoryExport {

    static final List<String> CSV_COLUMNS = List.of("epoch", "step", "trainLoss", "trainAccuracy", "testLoss",
            "testAccuracy", "learningRate", "layerIndex", "width", "activationName", "preActivationMean",
            "preActivationStd", "activationMean", "activationStd", "saturatedFraction", "deadFraction",
            "weightGradientMean", "weightGradientStd", "weightGradientNorm", "biasGradientNorm",
            "activationGradientNorm", "weightNorm", "updateRatio", "predictedVariance");

    private HistoryExport() {
    }

    /**
     * Writes one line per entry in the same form as the headless {@code run} command (non-finite numbers
     * as null), so files from both can be read together. Exports are streamed because a history near maxHistoryRows is over
     * 100 MB of JSON (106 MB for 2,001 snapshots of 65 layers), too much to build for each request.
     */
    static void writeJsonLines(List<EpochStats> history, Writer out) throws IOException {
        for (EpochStats stats : history) {
            out.write(StatsJson.toLine(stats));
            out.write('\n');
        }
    }

    /** Writes the header and one row per layer and entry, streamed like {@link #writeJsonLines}. */
    static void writeCsv(List<EpochStats> history, Writer out) throws IOException {
        out.write(String.join(",", CSV_COLUMNS));
        out.write('\n');
        StringBuilder row = new StringBuilder();
        for (EpochStats stats : history) {
            for (LayerStats layer : stats.layers()) {
                row.setLength(0);
                appendRow(row, stats, layer);
                out.append(row);
            }
        }
    }

    private static void appendRow(StringBuilder out, EpochStats stats, LayerStats layer) {
        Object[] values = {stats.epoch(), stats.step(), stats.trainLoss(), stats.trainAccuracy(), stats.testLoss(),
            stats.testAccuracy(), stats.learningRate(), layer.layerIndex(), layer.width(), quote(layer.activationName()),
            mean(layer.preActivation()), std(layer.preActivation()), mean(layer.activation()), std(layer.activation()),
            layer.saturatedFraction(), layer.deadFraction(), mean(layer.weightGradient()), std(layer.weightGradient()),
            layer.weightGradientNorm(), layer.biasGradientNorm(), layer.activationGradientNorm(), layer.weightNorm(),
            layer.updateRatio(), layer.predictedVariance()};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(values[i]);
        }
        out.append('\n');
    }

    private static Object mean(Summary summary) {
        return summary == null ? "" : summary.mean();
    }

    private static Object std(Summary summary) {
        return summary == null ? "" : summary.std();
    }

    /** Quotes a text cell when it contains a separator, a quote or a line break (RFC 4180). */
    private static String quote(String text) {
        if (text == null) {
            return "";
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
