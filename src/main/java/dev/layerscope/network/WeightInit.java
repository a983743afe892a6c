package dev.layerscope.network;

import dev.layerscope.math.NativeArray;
import dev.layerscope.math.Orthogonal;
import dev.layerscope.math.RandomStream;

/**
 * Weight initializers. Each draws a layer's {@code fanOut x fanIn} weights from a distribution whose
 * variance {@link #baseVariance} depends on the layer's fan-in and fan-out; the {@link InitSpec} gain
 * then multiplies every weight.
 */
public enum WeightInit {

    /** N(0, sigma^2); sigma = 1 gives the classic N(0, 1). */
    NORMAL,
    /** U(-limit, limit), variance limit^2 / 3. */
    UNIFORM,
    /** All weights zero: every unit of a layer computes the same thing, the symmetry problem. */
    ZEROS,
    /** Glorot and Bengio (2010): N(0, 2 / (fanIn + fanOut)). */
    GLOROT_NORMAL,
    /** Glorot and Bengio (2010): U(-a, a) with a = sqrt(6 / (fanIn + fanOut)). */
    GLOROT_UNIFORM,
    /** He et al. (2015): N(0, 2 / fanIn). */
    HE_NORMAL,
    /** He et al. (2015): U(-a, a) with a = sqrt(6 / fanIn). */
    HE_UNIFORM,
    /** LeCun et al. (1998): N(0, 1 / fanIn). */
    LECUN_NORMAL,
    /** LeCun et al. (1998): U(-a, a) with a = sqrt(3 / fanIn). */
    LECUN_UNIFORM,
    /** A random matrix with orthonormal rows or columns (Saxe et al., 2014); variance 1 / max(fanIn, fanOut). */
    ORTHOGONAL;

    /** Returns the variance of one weight before the gain is applied. */
    public double baseVariance(int fanIn, int fanOut, InitSpec spec) {
        return switch (this) {
            case NORMAL -> spec.sigma() * spec.sigma();
            case UNIFORM -> spec.limit() * spec.limit() / 3;
            case ZEROS -> 0.0;
            case GLOROT_NORMAL, GLOROT_UNIFORM -> 2.0 / (fanIn + fanOut);
            case HE_NORMAL, HE_UNIFORM -> 2.0 / fanIn;
            case LECUN_NORMAL, LECUN_UNIFORM -> 1.0 / fanIn;
            case ORTHOGONAL -> 1.0 / Math.max(fanIn, fanOut);
        };
    }

    /** Returns the variance of one weight after the gain: gain^2 times {@link #baseVariance}. */
    public double variance(int fanIn, int fanOut, InitSpec spec) {
        return spec.gain() * spec.gain() * baseVariance(fanIn, fanOut, spec);
    }

    /** Fills {@code weights} ({@code fanOut x fanIn}, row-major) with gain-scaled draws. */
    public void fill(NativeArray weights, int fanIn, int fanOut, InitSpec spec, RandomStream random) {
        double gain = spec.gain();
        if (this == ORTHOGONAL) {
            double[] sample = Orthogonal.sample(fanOut, fanIn, random);
            for (int i = 0; i < weights.length(); i++) {
                weights.set(i, gain * sample[i]);
            }
            return;
        }
        double spread = Math.sqrt(baseVariance(fanIn, fanOut, spec));
        boolean uniform = this == UNIFORM || this == GLOROT_UNIFORM || this == HE_UNIFORM || this == LECUN_UNIFORM;
        // A uniform U(-a, a) has standard deviation a / sqrt(3).
        double limit = spread * Math.sqrt(3);
        for (int i = 0; i < weights.length(); i++) {
            double draw = uniform ? limit * (2 * random.nextDouble() - 1) : spread * random.nextGaussian();
            weights.set(i, gain * draw);
        }
    }
}
