package dev.layerscope.network;

/**
 * How to initialize weights and biases.
 *
 * @param kind  the weight distribution
 * @param sigma standard deviation for {@link WeightInit#NORMAL}; ignored by the other kinds
 * @param limit half-width a of U(-a, a) for {@link WeightInit#UNIFORM}; ignored by the other kinds
 * @param gain  multiplier applied to every drawn weight
 * @param bias  the value every bias starts at (layers with batch normalization have no bias)
 */
public record InitSpec(WeightInit kind, double sigma, double limit, double gain, double bias) {

    public InitSpec {
        if (kind == null) {
            throw new IllegalArgumentException("init kind is missing");
        }
        requirePositiveFinite("sigma", sigma);
        requirePositiveFinite("limit", limit);
        if (!(gain >= 0 && Double.isFinite(gain))) {
            throw new IllegalArgumentException("init gain must be finite and >= 0, got " + gain);
        }
        if (!Double.isFinite(bias)) {
            throw new IllegalArgumentException("init bias must be finite, got " + bias);
        }
    }

    /** Returns {@code kind} with sigma 1, limit 1, gain 1 and bias 0. */
    public static InitSpec of(WeightInit kind) {
        return new InitSpec(kind, 1.0, 1.0, 1.0, 0.0);
    }

    private static void requirePositiveFinite(String field, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("init " + field + " must be finite and > 0, got " + value);
        }
    }
}
