package dev.layerscope.session;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.network.LayerSpec;
import dev.layerscope.training.Trainer;

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
        if (!config.data().directory().isEmpty()) {
            // A folder path names files on the server's disk, which remote users must not choose.
            errors.add(new FieldError("data.directory", config.data().directory(),
                    "empty on this server: its operator chooses dataset folders with LAYERSCOPE_DATASET_FOLDERS"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    /**
     * Throws {@link ConfigException} when the network built for {@code dataset} has too many
     * parameters or needs too much memory, or the run would keep too many statistics.
     */
    static void checkWithDataset(RunConfig config, Dataset dataset, Limits limits) {
        List<FieldError> errors = new ArrayList<>();
        long parameters = parameterCount(config.network().hiddenLayers(), dataset.featureCount(), dataset.outputCount());
        if (parameters > limits.maxParameters()) {
            errors.add(over("network", parameters, "networks of up to " + limits.maxParameters()
                    + " parameters (weights, biases and batch-norm scales and shifts); use fewer or narrower layers",
                    "maxParameters"));
        }
        long megabytes = Trainer.estimateMemoryBytes(config, dataset) / (1024 * 1024);
        if (megabytes > limits.maxTrainerMegabytes()) {
            errors.add(over("network", megabytes, "a trainer of at most " + limits.maxTrainerMegabytes()
                    + " MiB (the engine's estimate for this network, batch size and evaluation batch, in MiB);"
                    + " use fewer or narrower layers or a smaller training.batchSize or stats.evalSamples",
                    "maxTrainerMegabytes"));
        }
        long rows = historyRows(config, dataset.train().sampleCount());
        if (rows > limits.maxHistoryRows()) {
            String field = config.stats().everySteps() > 0 ? "stats.everySteps" : "training.epochs";
            errors.add(over(field, config.stats().everySteps() > 0 ? config.stats().everySteps() : config.training().epochs(),
                    "a run of at most " + limits.maxHistoryRows() + " snapshot layers (snapshots x layers, " + rows
                    + " asked); take statistics less often or train fewer epochs", "maxHistoryRows"));
        }
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
    }

    /** Counts the statistics rows a full run keeps: (1 + snapshots) x (hidden layers + the output layer). */
    static long historyRows(RunConfig config, int trainSamples) {
        long epochs = config.training().epochs();
        long stepsPerEpoch = (trainSamples + config.training().batchSize() - 1) / config.training().batchSize();
        int everySteps = config.stats().everySteps();
        long snapshots = 1 + epochs + (everySteps > 0 ? epochs * stepsPerEpoch / everySteps : 0);
        return snapshots * (config.network().hiddenLayers().size() + 1);
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
