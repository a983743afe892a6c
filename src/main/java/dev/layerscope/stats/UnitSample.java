package dev.layerscope.stats;

import java.util.Arrays;

/**
 * Per-unit values for a bounded sample of one layer's units, so that the page can colour units
 * without the frame growing with the width. Units are chosen evenly spaced when the layer is wider
 * than the sample; {@code indices} says which.
 *
 * @param meanActivation         mean of a = f(z) over the evaluation batch, per sampled unit
 * @param meanAbsActivationGradient mean of |∂L/∂a| over the evaluation batch, per sampled unit
 * @param dead                   whether the unit output zero for every sample of the batch
 * @param saturated              whether the unit was saturated for most samples (see docs/statistics.md)
 */
public record UnitSample(int[] indices, double[] meanActivation, double[] meanAbsActivationGradient,
                         boolean[] dead, boolean[] saturated) {

    public UnitSample {
        int n = indices.length;
        if (meanActivation.length != n || meanAbsActivationGradient.length != n || dead.length != n
                || saturated.length != n) {
            throw new IllegalArgumentException("unit sample arrays differ in length from indices (" + n + ")");
        }
        indices = indices.clone();
        meanActivation = meanActivation.clone();
        meanAbsActivationGradient = meanAbsActivationGradient.clone();
        dead = dead.clone();
        saturated = saturated.clone();
    }

    @Override
    public int[] indices() {
        return indices.clone();
    }

    @Override
    public double[] meanActivation() {
        return meanActivation.clone();
    }

    @Override
    public double[] meanAbsActivationGradient() {
        return meanAbsActivationGradient.clone();
    }

    @Override
    public boolean[] dead() {
        return dead.clone();
    }

    @Override
    public boolean[] saturated() {
        return saturated.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnitSample u && Arrays.equals(indices, u.indices)
                && Arrays.equals(meanActivation, u.meanActivation)
                && Arrays.equals(meanAbsActivationGradient, u.meanAbsActivationGradient)
                && Arrays.equals(dead, u.dead) && Arrays.equals(saturated, u.saturated);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(indices) * 31 + Arrays.hashCode(meanActivation);
    }
}
