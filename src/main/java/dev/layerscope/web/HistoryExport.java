package dev.layerscope.web;

import dev.layerscope.stats.EpochStats;
import dev.layerscope.stats.LayerStats;
import dev.layerscope.stats.Summary;
import dev.layerscope.web.protocol.Json;

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

    static String jsonLines(List<EpochStats> history) {
        StringBuilder out = new StringBuilder();
        for (EpochStats stats : history) {
            out.append(Json.write(stats)).append('\n');
        }
        return out.toString();
    }

    static String csv(List<EpochStats> history) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append('\n');
        for (EpochStats stats : history) {
            for (LayerStats layer : stats.layers()) {
                appendRow(out, stats, layer);
            }
        }
        return out.toString();
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
