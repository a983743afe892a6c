package dev.layerscope.training;

import dev.layerscope.math.NativeArray;
import dev.layerscope.network.Parameter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class GradientAdjustmentTest {

    private static final double TOLERANCE = 1e-15;

    @Test
    void globalNormClipRescalesEveryParameter() {
        Parameter weights = new Parameter("weights", 0, new NativeArray(2), NativeArray.of(3, 4), true);
        Parameter bias = new Parameter("bias", 0, new NativeArray(1), NativeArray.of(12), false);

        // Global norm sqrt(9 + 16 + 144) = 13; a limit of 6.5 halves every component.
        GradientAdjustment.clipByGlobalNorm(List.of(weights, bias), 6.5);

        assertArrayEquals(new double[] {1.5, 2}, weights.gradients().toArray(), TOLERANCE);
        assertArrayEquals(new double[] {6}, bias.gradients().toArray(), TOLERANCE);
    }

    @Test
    void globalNormClipLeavesSmallGradients() {
        Parameter weights = new Parameter("weights", 0, new NativeArray(2), NativeArray.of(3, 4), true);

        GradientAdjustment.clipByGlobalNorm(List.of(weights), 5.0);

        assertArrayEquals(new double[] {3, 4}, weights.gradients().toArray(), TOLERANCE);
    }

    @Test
    void valueClipBoundsEachComponent() {
        Parameter weights = new Parameter("weights", 0, new NativeArray(4), NativeArray.of(-7, -0.5, 0.5, 9), true);

        GradientAdjustment.clipByValue(List.of(weights), 1.0);

        assertArrayEquals(new double[] {-1, -0.5, 0.5, 1}, weights.gradients().toArray(), TOLERANCE);
    }

    @Test
    void weightDecayAddsLambdaTimesWeights() {
        Parameter weights = new Parameter("weights", 0, NativeArray.of(2, -4), NativeArray.of(1, 1), true);
        Parameter bias = new Parameter("bias", 0, NativeArray.of(5), NativeArray.of(1), false);

        GradientAdjustment.addWeightDecay(List.of(weights, bias), 0.1);

        assertArrayEquals(new double[] {1.2, 0.6}, weights.gradients().toArray(), TOLERANCE);
        assertArrayEquals(new double[] {1}, bias.gradients().toArray(), TOLERANCE);
    }
}
