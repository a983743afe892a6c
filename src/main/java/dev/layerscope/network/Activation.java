package dev.layerscope.network;

import dev.layerscope.math.NativeArray;

/**
 * Activation functions a = f(z) with their derivatives f'(z). Every value and derivative stays finite
 * for |z| up to 1e4: exponentials are only taken of non-positive arguments.
 */
public enum Activation {

    SIGMOID {
        @Override
        public double value(double z, double slope) {
            return logistic(z);
        }

        @Override
        public double derivative(double z, double slope) {
            // e^{-|z|} / (1 + e^{-|z|})^2 is sigma(z)(1 - sigma(z)) without cancellation for large |z|.
            double e = Math.exp(-Math.abs(z));
            return e / ((1 + e) * (1 + e));
        }
    },
    TANH {
        @Override
        public double value(double z, double slope) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z, double slope) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }
    },
    RELU {
        @Override
        public double value(double z, double slope) {
            return z > 0 ? z : 0.0;
        }

        @Override
        public double derivative(double z, double slope) {
            return z > 0 ? 1.0 : 0.0;
        }
    },
    /** max(z, slope * z); the slope is the network's {@code leakySlope}. */
    LEAKY_RELU {
        @Override
        public double value(double z, double slope) {
            return z > 0 ? z : slope * z;
        }

        @Override
        public double derivative(double z, double slope) {
            return z > 0 ? 1.0 : slope;
        }
    },
    /** z for z > 0, e^z - 1 otherwise (alpha = 1). */
    ELU {
        @Override
        public double value(double z, double slope) {
            return z > 0 ? z : Math.expm1(z);
        }

        @Override
        public double derivative(double z, double slope) {
            return z > 0 ? 1.0 : Math.exp(z);
        }
    },
    /** Scaled ELU of Klambauer et al. (2017): lambda * (z for z > 0, alpha * (e^z - 1) otherwise). */
    SELU {
        @Override
        public double value(double z, double slope) {
            return SELU_LAMBDA * (z > 0 ? z : SELU_ALPHA * Math.expm1(z));
        }

        @Override
        public double derivative(double z, double slope) {
            return SELU_LAMBDA * (z > 0 ? 1.0 : SELU_ALPHA * Math.exp(z));
        }
    },
    /**
     * GELU in the tanh form of Hendrycks and Gimpel (2016):
     * 0.5 z (1 + tanh(sqrt(2/pi) (z + 0.044715 z^3))), within about 1e-3 of the exact z * Phi(z).
     */
    GELU {
        @Override
        public double value(double z, double slope) {
            return 0.5 * z * (1 + Math.tanh(geluInner(z)));
        }

        @Override
        public double derivative(double z, double slope) {
            double t = Math.tanh(geluInner(z));
            double innerDerivative = GELU_SCALE * (1 + 3 * GELU_CUBIC * z * z);
            return 0.5 * (1 + t) + 0.5 * z * (1 - t) * (1 + t) * innerDerivative;
        }
    },
    /** Swish (also called SiLU): z * sigmoid(z). */
    SWISH {
        @Override
        public double value(double z, double slope) {
            return z * logistic(z);
        }

        @Override
        public double derivative(double z, double slope) {
            double s = logistic(z);
            return s + z * s * (1 - s);
        }
    },
    /** log(1 + e^z), computed as max(z, 0) + log(1 + e^{-|z|}). */
    SOFTPLUS {
        @Override
        public double value(double z, double slope) {
            return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
        }

        @Override
        public double derivative(double z, double slope) {
            return logistic(z);
        }
    },
    LINEAR {
        @Override
        public double value(double z, double slope) {
            return z;
        }

        @Override
        public double derivative(double z, double slope) {
            return 1.0;
        }
    };

    /** A unit value is saturated when f'(z) is below this fraction of the function's maximum derivative. */
    public static final double SATURATION_THRESHOLD = 0.05;

    static final double SELU_LAMBDA = 1.0507009873554804934193349852946;
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double GELU_SCALE = Math.sqrt(2 / Math.PI);
    private static final double GELU_CUBIC = 0.044715;
    private static final long INFINITY_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    /** Returns f(z); {@code slope} is used by {@link #LEAKY_RELU} only. */
    public abstract double value(double z, double slope);

    /** Returns f'(z); {@code slope} is used by {@link #LEAKY_RELU} only. */
    public abstract double derivative(double z, double slope);

    /** Returns whether saturation is defined for this function: sigmoid and tanh, which flatten on both sides. */
    public boolean saturates() {
        return this == SIGMOID || this == TANH;
    }

    /** Returns whether units can die: ReLU and leaky ReLU, whose units stop learning once z <= 0 for every input. */
    public boolean canDie() {
        return this == RELU || this == LEAKY_RELU;
    }

    /**
     * Returns whether pre-activation {@code z} is saturated: f'(z) is below {@link #SATURATION_THRESHOLD} times
     * the maximum of f', so the unit passes back less than 5% of the gradient it passes at its steepest.
     * For sigmoid that is |z| > 4.357 (a below 0.0127 or above 0.9873), for tanh |z| > 2.178 (|a| above 0.9747).
     * Always false
     * when {@link #saturates()} is false.
     */
    public boolean isSaturated(double z, double slope) {
        return saturates() && derivative(z, slope) < SATURATION_THRESHOLD * maxDerivative();
    }

    /** Returns the maximum of f'(z), reached at z = 0, for the saturating functions; NaN for the others. */
    private double maxDerivative() {
        return switch (this) {
            case SIGMOID -> 0.25;
            case TANH -> 1.0;
            default -> Double.NaN;
        };
    }

    /** Returns whether a unit with pre-activation {@code z} outputs its dead value: z <= 0 for ReLU-like units. */
    public boolean isInactive(double z) {
        return canDie() && z <= 0;
    }

    /**
     * Writes a = f(z) for the first {@code count} values. ReLU and leaky ReLU get loops of their own:
     * the generic loop calls {@link #value} through a virtual call per element, which the JIT cannot
     * inline because every constant overrides it, and which costs more than the arithmetic. The ReLU
     * loop selects with a bit mask instead of a branch, because z's sign is random and a mispredicted
     * branch per element cost more than the loop's loads and stores. It gives the same bits as
     * {@link #value}.
     */
    public void apply(NativeArray z, NativeArray a, int count, double slope) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < count; i++) {
                    a.set(i, relu(z.get(i)));
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < count; i++) {
                    double value = z.get(i);
                    a.set(i, value > 0 ? value : slope * value);
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    a.set(i, value(z.get(i), slope));
                }
            }
        }
    }

    /**
     * Writes {@code gradient[i] * f'(z[i])} into {@code result} for the first {@code count} values,
     * turning dL/da into dL/dz; with loops of their own for ReLU and leaky ReLU, as in {@link #apply}.
     * The product is taken even where f'(z) is 0, so a NaN or infinite dL/da still gives NaN.
     */
    public void multiplyByDerivative(NativeArray z, NativeArray gradient, NativeArray result, int count, double slope) {
        switch (this) {
            case RELU -> {
                for (int i = 0; i < count; i++) {
                    result.set(i, gradient.get(i) * reluDerivative(z.get(i)));
                }
            }
            case LEAKY_RELU -> {
                for (int i = 0; i < count; i++) {
                    result.set(i, gradient.get(i) * (z.get(i) > 0 ? 1.0 : slope));
                }
            }
            default -> {
                for (int i = 0; i < count; i++) {
                    result.set(i, gradient.get(i) * derivative(z.get(i), slope));
                }
            }
        }
    }

    /** Returns {@link #RELU}'s value, z > 0 ? z : +0.0, with a bit mask instead of a branch. */
    static double relu(double z) {
        long bits = Double.doubleToRawLongBits(z);
        return Double.longBitsToDouble(bits & positiveMask(bits));
    }

    /** Returns {@link #RELU}'s derivative, z > 0 ? 1.0 : +0.0, with a bit mask instead of a branch. */
    static double reluDerivative(double z) {
        return Double.longBitsToDouble(ONE_BITS & positiveMask(Double.doubleToRawLongBits(z)));
    }

    /**
     * Returns all one bits when the double with these bits is greater than 0, and 0 otherwise, without
     * a branch. Read as a signed long, the bits of such a double lie in [1, bits of +infinity]: +0.0
     * is 0, negative values and -0.0 have the sign bit set, and NaNs lie above infinity.
     */
    static long positiveMask(long bits) {
        return ~(((bits - 1) | (INFINITY_BITS - bits)) >> 63);
    }

    private static double logistic(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    private static double geluInner(double z) {
        return GELU_SCALE * (z + GELU_CUBIC * z * z * z);
    }
}
