package dev.layerscope.stats;

import dev.layerscope.math.NativeArray;
import dev.layerscope.network.Activation;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class UnitMeasuresTest {

    private static final double SLOPE = 0.01;

    /** Three samples (rows) of four units: unit 0 and unit 2 are never positive. */
    private static final double[] RELU_PRE_ACTIVATION = {
        -1.0, 2.0, 0.0, -3.0,
        -0.5, -1.0, -2.0, 0.5,
        0.0, -4.0, -0.1, -1.0,
    };

    @Test
    void deadFractionCountsUnitsNeverPositive() {
        assertEquals(0.5, UnitMeasures.deadFraction(Activation.RELU, RELU_PRE_ACTIVATION, 3, 4), 0.0);
        assertEquals(0.5, UnitMeasures.deadFraction(Activation.LEAKY_RELU, RELU_PRE_ACTIVATION, 3, 4), 0.0);
        assertEquals(Double.NaN, UnitMeasures.deadFraction(Activation.SIGMOID, RELU_PRE_ACTIVATION, 3, 4));
    }

    @Test
    void saturatedFractionCountsValues() {
        // Two rows of two units; saturated where |z| > 4.357: 5.0, -6.0 and 10.0 but not 4.0.
        double[] z = {5.0, 4.0, -6.0, 10.0};

        assertEquals(0.75, UnitMeasures.saturatedFraction(Activation.SIGMOID, SLOPE, z, 2, 2), 0.0);
        // tanh saturates above |z| = 2.178, so all four.
        assertEquals(1.0, UnitMeasures.saturatedFraction(Activation.TANH, SLOPE, z, 2, 2), 0.0);
        assertEquals(Double.NaN, UnitMeasures.saturatedFraction(Activation.RELU, SLOPE, z, 2, 2));
    }

    @Test
    void unitSampleSpacesUnitsEvenly() {
        double[] activation = relu(RELU_PRE_ACTIVATION);
        double[] gradient = {
            0.1, -0.2, 0.3, -0.4,
            0.1, 0.2, 0.3, 0.4,
            -0.1, 0.2, -0.3, 0.4,
        };

        UnitSample sample = UnitMeasures.sample(Activation.RELU, SLOPE, RELU_PRE_ACTIVATION, activation, gradient, 3, 4, 2);

        // Two of four units: floor(0 * 4 / 2) = 0 and floor(1 * 4 / 2) = 2.
        assertArrayEquals(new int[] {0, 2}, sample.indices());
        assertArrayEquals(new double[] {0.0, 0.0}, sample.meanActivation(), 0.0);
        // Per-sample mean |dL/da| = sum over rows of |batch-mean gradient|: 0.3 and 0.9.
        assertArrayEquals(new double[] {0.3, 0.9}, sample.meanAbsActivationGradient(), 1e-15);
        assertArrayEquals(new boolean[] {true, true}, sample.dead());
        assertArrayEquals(new boolean[] {false, false}, sample.saturated());
    }

    @Test
    void unitSampleKeepsAllUnitsOfNarrowLayer() {
        double[] activation = relu(RELU_PRE_ACTIVATION);

        UnitSample sample = UnitMeasures.sample(Activation.RELU, SLOPE, RELU_PRE_ACTIVATION, activation,
                new double[activation.length], 3, 4, 32);

        assertArrayEquals(new int[] {0, 1, 2, 3}, sample.indices());
        // Unit 1: activations 2, 0, 0, mean 2/3; unit 3: 0, 0.5, 0, mean 1/6.
        assertArrayEquals(new double[] {0.0, 2.0 / 3, 0.0, 0.5 / 3}, sample.meanActivation(), 1e-15);
        assertArrayEquals(new boolean[] {true, false, true, false}, sample.dead());
    }

    private static double[] relu(double[] preActivation) {
        NativeArray activation = new NativeArray(preActivation.length);
        Activation.RELU.apply(NativeArray.of(preActivation), activation, preActivation.length, SLOPE);
        return activation.toArray();
    }
}
