package dev.layerscope.stats;

import dev.layerscope.network.Activation;

/**
 * Per-unit measures of one layer over a batch, on row-major {@code rows x width} arrays (one row per
 * sample). The definitions of saturated and dead live in {@link Activation#isSaturated} and
 * {@link Activation#isInactive}; these methods only count.
 */
public final class UnitMeasures {

    private UnitMeasures() {
    }

    /**
     * Returns the fraction of all {@code rows x width} pre-activation values that are saturated, or NaN
     * when saturation is not defined for the activation.
     */
    public static double saturatedFraction(Activation activation, double slope, double[] preActivation, int rows, int width) {
        if (!activation.saturates()) {
            return Double.NaN;
        }
        int count = rows * width;
        long saturated = 0;
        for (int i = 0; i < count; i++) {
            if (activation.isSaturated(preActivation[i], slope)) {
                saturated++;
            }
        }
        return (double) saturated / count;
    }

    /**
     * Returns the fraction of units that are dead: inactive (z <= 0) for every sample of the batch, so
     * they output zero (ReLU) or only their leak (leaky ReLU) whatever the input. NaN when the activation
     * cannot die.
     */
    public static double deadFraction(Activation activation, double[] preActivation, int rows, int width) {
        if (!activation.canDie()) {
            return Double.NaN;
        }
        int dead = 0;
        for (int unit = 0; unit < width; unit++) {
            if (isDead(activation, preActivation, rows, width, unit)) {
                dead++;
            }
        }
        return (double) dead / width;
    }

    static boolean isDead(Activation activation, double[] preActivation, int rows, int width, int unit) {
        if (!activation.canDie()) {
            return false;
        }
        for (int row = 0; row < rows; row++) {
            if (!activation.isInactive(preActivation[row * width + unit])) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether the unit's pre-activation is saturated for more than half of the samples. */
    static boolean isMostlySaturated(Activation activation, double slope, double[] preActivation, int rows, int width, int unit) {
        if (!activation.saturates()) {
            return false;
        }
        int saturated = 0;
        for (int row = 0; row < rows; row++) {
            if (activation.isSaturated(preActivation[row * width + unit], slope)) {
                saturated++;
            }
        }
        return 2 * saturated > rows;
    }

    /**
     * Samples at most {@code maxUnits} units, evenly spaced (unit floor(i * width / k) for i < k), with
     * each unit's mean activation, mean |dL/da| per sample (the batch-mean gradient times the row count,
     * so the value does not depend on the batch size), and its dead and saturated flags.
     */
    public static UnitSample sample(Activation activation, double slope, double[] preActivation, double[] activationValues,
                                    double[] activationGradient, int rows, int width, int maxUnits) {
        int k = Math.min(width, maxUnits);
        int[] indices = new int[k];
        double[] meanActivation = new double[k];
        double[] meanAbsGradient = new double[k];
        boolean[] dead = new boolean[k];
        boolean[] saturated = new boolean[k];
        for (int i = 0; i < k; i++) {
            int unit = (int) ((long) i * width / k);
            indices[i] = unit;
            double activationSum = 0;
            double gradientSum = 0;
            for (int row = 0; row < rows; row++) {
                activationSum += activationValues[row * width + unit];
                gradientSum += Math.abs(activationGradient[row * width + unit]);
            }
            meanActivation[i] = activationSum / rows;
            meanAbsGradient[i] = gradientSum;
            dead[i] = isDead(activation, preActivation, rows, width, unit);
            saturated[i] = isMostlySaturated(activation, slope, preActivation, rows, width, unit);
        }
        return new UnitSample(indices, meanActivation, meanAbsGradient, dead, saturated);
    }
}
