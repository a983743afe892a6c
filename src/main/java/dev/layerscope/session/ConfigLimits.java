package dev.layerscope.session;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.network.LayerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a valid configuration against the server's {@link Limits}, which are tighter than what the
 * engine accepts because every session shares one machine. Field names follow the configuration
 * JSON, so the page can point at the input.
 */
final class ConfigLimits {

    private ConfigLimits() {
    }

    /** Throws {@link ConfigException} naming every field over a limit that needs no dataset. */
    static void check(RunConfig config, Limits limits) {
        List<FieldError> errors = new ArrayList<>();
        List<LayerSpec> layers = config.network().hiddenLayers();
        if (layers.size() > limits.maxLayers()) {
            errors.add(over("network.depth", layers.size(), "1 to " + limits.maxLayers() + " hidden layers", "maxLayers"));
        }
        boolean sameWidth = layers.stream().allMatch(layer -> layer.width() == layers.get(0).width());
        for (int i = 0; i < layers.size(); i++) {
            int width = layers.get(i).width();
            if (width > limits.maxWidth()) {
                String field = sameWidth ? "network.width" : "network.hiddenLayers[" + i + "].width";
                errors.add(over(field, width, "1 to " + limits.maxWidth() + " units", "maxWidth"));
                if (sameWidth) {
                    break;
                }
            }
        }
        if (config.training().epochs() > limits.maxEpochs()) {
            errors.add(over("training.epochs", config.training().epochs(), "1 to " + limits.maxEpochs(), "maxEpochs"));
        }
        if (config.data().samples() > limits.maxSamples()) {
            errors.add(over("data.samples", config.data().samples(), "up to " + limits.maxSamples(), "maxSamples"));
        }
        if (config.stats().histogramBins() > limits.maxHistogramBins()) {
            errors.add(over("stats.histogramBins", config.stats().histogramBins(),
                    "2 to " + limits.maxHistogramBins(), "maxHistogramBins"));
        }
        if (config.stats().unitSample() > limits.maxUnitSample()) {
            errors.add(over("stats.unitSample", config.stats().unitSample(), "1 to " + limits.maxUnitSample(),
                    "maxUnitSample"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    /** Throws {@link ConfigException} when the network built for {@code dataset} has too many parameters. */
    static void checkParameters(RunConfig config, Dataset dataset, Limits limits) {
        long parameters = parameterCount(config.network().hiddenLayers(), dataset.featureCount(), dataset.outputCount());
        if (parameters > limits.maxParameters()) {
            throw new ConfigException(over("network", parameters, "networks of up to " + limits.maxParameters()
                    + " parameters (weights, biases and batch-norm scales and shifts); use fewer or narrower layers",
                    "maxParameters"));
        }
    }

    /** Counts weights and biases of every dense layer, and the scale and shift of every batch-norm unit. */
    static long parameterCount(List<LayerSpec> hiddenLayers, int inputCount, int outputCount) {
        long count = 0;
        long fanIn = inputCount;
        for (LayerSpec layer : hiddenLayers) {
            count += fanIn * layer.width() + layer.width();
            if (layer.batchNorm()) {
                count += 2L * layer.width();
            }
            fanIn = layer.width();
        }
        return count + fanIn * outputCount + outputCount;
    }

    private static FieldError over(String field, long value, String allowed, String limitName) {
        return new FieldError(field, Long.toString(value), allowed + " (server limit " + limitName + ")");
    }
}
