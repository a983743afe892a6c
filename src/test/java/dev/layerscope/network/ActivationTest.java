package dev.layerscope.network;

import dev.layerscope.math.NativeArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivationTest {

    private static final double SLOPE = 0.01;
    private static final double[] EXTREMES = {-1e4, -1e3, -100, -20, -1e-300, 0.0, 1e-300, 20, 100, 1e3, 1e4};

    @Test
    void sigmoidDerivativeMatchesKnownValues() {
        // sigma(3) = 1 / (1 + e^-3) = 0.952574; sigma'(3) = 0.952574 * 0.047426 = 0.045177.
        assertEquals(0.045177, Activation.SIGMOID.derivative(3, SLOPE), 1e-6);
        // sigma'(10) = e^-10 / (1 + e^-10)^2 = 4.539993e-5 / 1.0000908 = 4.539581e-5.
        assertEquals(4.539581e-5, Activation.SIGMOID.derivative(10, SLOPE), 1e-11);
        // e^-100 = 3.7e-44, so sigma'(100) is 3.7e-44 in double arithmetic: zero for every practical purpose.
        assertEquals(0.0, Activation.SIGMOID.derivative(100, SLOPE), 1e-40);
        assertEquals(0.25, Activation.SIGMOID.derivative(0, SLOPE), 0.0);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void valuesAndDerivativesStayFinite(Activation activation) {
        for (double z : EXTREMES) {
            assertTrue(Double.isFinite(activation.value(z, SLOPE)), activation + " value at " + z);
            assertTrue(Double.isFinite(activation.derivative(z, SLOPE)), activation + " derivative at " + z);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void derivativeMatchesFiniteDifference(Activation activation) {
        double step = 1e-6;
        for (double z : new double[] {-3.7, -0.8, 0.3, 1.9, 6.1}) {
            double numeric = (activation.value(z + step, SLOPE) - activation.value(z - step, SLOPE)) / (2 * step);

            assertEquals(numeric, activation.derivative(z, SLOPE), 1e-8, activation + " at " + z);
        }
    }

    @Test
    void seluUsesPublishedConstants() {
        // lambda = 1.0507, alpha = 1.6733 (Klambauer et al., 2017): f(1) = lambda, f(-inf) = -lambda * alpha.
        assertEquals(1.0507, Activation.SELU.value(1, SLOPE), 1e-4);
        assertEquals(-1.0507 * 1.6733, Activation.SELU.value(-1e4, SLOPE), 1e-3);
    }

    @Test
    void leakyReluUsesSlope() {
        assertEquals(-0.3, Activation.LEAKY_RELU.value(-3, 0.1), 1e-15);
        assertEquals(0.1, Activation.LEAKY_RELU.derivative(-3, 0.1), 0.0);
        assertEquals(2.0, Activation.LEAKY_RELU.value(2, 0.1), 0.0);
    }

    @Test
    void saturationFollowsDerivativeThreshold() {
        // Solved by bisection: sigma'(z) = 0.05 * 0.25 = 0.0125 at |z| = 4.3565; tanh'(z) = 0.05 at |z| = 2.1783.
        assertFalse(Activation.SIGMOID.isSaturated(4.35, SLOPE));
        assertTrue(Activation.SIGMOID.isSaturated(4.36, SLOPE));
        assertTrue(Activation.SIGMOID.isSaturated(-4.36, SLOPE));
        assertFalse(Activation.TANH.isSaturated(2.17, SLOPE));
        assertTrue(Activation.TANH.isSaturated(2.19, SLOPE));
        assertTrue(Activation.TANH.isSaturated(-2.19, SLOPE));
        assertFalse(Activation.RELU.isSaturated(-100, SLOPE));
    }

    @Test
    void onlyReluLikeUnitsCanDie() {
        assertTrue(Activation.RELU.isInactive(0.0));
        assertTrue(Activation.LEAKY_RELU.isInactive(-1.0));
        assertFalse(Activation.RELU.isInactive(1e-9));
        assertFalse(Activation.ELU.isInactive(-1.0));
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void arrayLoopsMatchValueAndDerivativeBitForBit(Activation activation) {
        double[] special = {Double.NEGATIVE_INFINITY, -2.5, -Double.MIN_VALUE, -0.0, 0.0, Double.MIN_VALUE,
            Double.MIN_NORMAL, 0.7, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NaN,
            Double.longBitsToDouble(0xfff8000000000001L)};
        double[] gradient = {1.5, -2.0, 3.0, -0.5, 0.25, 7.0, -1.0, Double.NaN, 2.0, Double.POSITIVE_INFINITY, 1.0, -4.0};
        NativeArray values = new NativeArray(special.length);
        NativeArray products = new NativeArray(special.length);

        activation.apply(NativeArray.of(special), values, special.length, SLOPE);
        activation.multiplyByDerivative(NativeArray.of(special), NativeArray.of(gradient), products, special.length, SLOPE);

        for (int i = 0; i < special.length; i++) {
            double z = special[i];
            assertEquals(Double.doubleToRawLongBits(activation.value(z, SLOPE)), Double.doubleToRawLongBits(values.get(i)),
                    activation + " value at " + z);
            assertEquals(Double.doubleToRawLongBits(gradient[i] * activation.derivative(z, SLOPE)),
                    Double.doubleToRawLongBits(products.get(i)), activation + " derivative product at " + z);
        }
    }
}
