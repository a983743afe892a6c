package dev.layerscope.session;

import dev.layerscope.stats.EpochStats;
import dev.layerscope.stats.LayerStats;
import dev.layerscope.stats.Summary;

import java.util.ArrayList;
import java.util.List;

/**
 * Every statistics snapshot of a session, oldest first. Only the latest keeps its heavy parts
 * (histograms and unit samples); older ones keep their scalars, so a long run's memory grows by a
 * few hundred bytes per layer and snapshot. Not thread-safe: the owning session guards it.
 */
final class History {

    private final List<EpochStats> entries = new ArrayList<>();

    void add(EpochStats complete) {
        if (!entries.isEmpty()) {
            int last = entries.size() - 1;
            entries.set(last, withoutHeavyParts(entries.get(last)));
        }
        entries.add(complete);
    }

    void clear() {
        entries.clear();
    }

    void copyFrom(History other) {
        entries.clear();
        entries.addAll(other.entries);
    }

    /** Returns every entry, oldest first; the last one is complete. */
    List<EpochStats> entries() {
        return List.copyOf(entries);
    }

    int size() {
        return entries.size();
    }

    /** Returns a copy of {@code stats} without histograms and unit samples. */
    static EpochStats withoutHeavyParts(EpochStats stats) {
        List<LayerStats> layers = new ArrayList<>(stats.layers().size());
        for (LayerStats layer : stats.layers()) {
            layers.add(withoutHeavyParts(layer));
        }
        return new EpochStats(stats.epoch(), stats.step(), stats.trainLoss(), stats.trainAccuracy(), stats.testLoss(),
                stats.testAccuracy(), stats.learningRate(), stats.samplesPerSecond(), layers);
    }

    private static LayerStats withoutHeavyParts(LayerStats layer) {
        return new LayerStats(layer.layerIndex(), layer.fanIn(), layer.width(), layer.activationName(),
                withoutHistogram(layer.preActivation()), withoutHistogram(layer.activation()),
                layer.saturatedFraction(), layer.deadFraction(), withoutHistogram(layer.weightGradient()),
                layer.weightGradientNorm(), layer.biasGradientNorm(), layer.activationGradientNorm(),
                layer.weightNorm(), layer.updateRatio(), layer.predictedVariance(), null);
    }

    private static Summary withoutHistogram(Summary summary) {
        if (summary == null) {
            return null;
        }
        return new Summary(summary.count(), summary.mean(), summary.std(), summary.min(), summary.max(), null);
    }
}
