package dev.layerscope.training;

import dev.layerscope.stats.EpochStats;

/**
 * The outcome of one optimizer step.
 *
 * @param step          optimizer updates done so far, this one included
 * @param epoch         epochs completed after this step
 * @param batchLoss     mean loss of the batch before the update (without the L2 term)
 * @param epochFinished whether this step completed an epoch
 * @param stats         statistics, non-null when an epoch finished or every-N-steps statistics were due
 */
public record StepResult(long step, int epoch, double batchLoss, boolean epochFinished, EpochStats stats) {
}
