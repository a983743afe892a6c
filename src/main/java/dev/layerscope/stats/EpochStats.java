package dev.layerscope.stats;

import java.util.List;

/**
 * One snapshot of a training run, taken on the fixed evaluation batch at the end of an epoch (or
 * every N steps when asked). Immutable, so it may be handed to other threads and serialised as is.
 *
 * @param epoch            epochs completed, 0 for the snapshot taken at initialization
 * @param step             optimizer updates done so far, counted across epochs
 * @param learningRate     the learning rate the schedule gave for the last step
 * @param samplesPerSecond training samples processed per second of wall time during this epoch
 * @param layers           hidden layers first (input side), the output layer last
 */
public record EpochStats(
        int epoch,
        long step,
        double trainLoss,
        double trainAccuracy,
        double testLoss,
        double testAccuracy,
        double learningRate,
        double samplesPerSecond,
        List<LayerStats> layers) {

    public EpochStats {
        layers = List.copyOf(layers);
    }
}
