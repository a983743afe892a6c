package dev.layerscope.training;

import dev.layerscope.config.OptimizerKind;
import dev.layerscope.config.RunConfig;
import dev.layerscope.config.ScheduleConfig;
import dev.layerscope.config.TrainingConfig;
import dev.layerscope.math.NativeArray;
import dev.layerscope.network.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * First two steps of each optimizer on one parameter θ0 = 1 with gradient g = 0.5 at both steps,
 * learningRate 0.1, momentum 0.9, rho 0.9, beta1 0.9, beta2 0.999, epsilon 1e-8. The expected values
 * are worked out by hand in each test.
 */
class OptimizerTest {

    private static final double TOLERANCE = 1e-12;
    private static final double LEARNING_RATE = 0.1;
    private static final double GRADIENT = 0.5;

    private static double[] twoSteps(OptimizerKind kind) {
        NativeArray values = NativeArray.of(1.0);
        NativeArray gradients = NativeArray.of(GRADIENT);
        Optimizer optimizer = new Optimizer(config(kind), List.of(new Parameter("weights", 0, values, gradients, true)));
        optimizer.step(LEARNING_RATE);
        double first = values.get(0);
        optimizer.step(LEARNING_RATE);
        return new double[] {first, values.get(0)};
    }

    private static TrainingConfig config(OptimizerKind kind) {
        TrainingConfig defaults = RunConfig.fromJson("{}").training();
        return new TrainingConfig(kind, LEARNING_RATE, 0.9, 0.9, 0.999, 0.9, 1e-8, defaults.batchSize(),
                defaults.epochs(), 0.0, 0.0, 0.0, ScheduleConfig.CONSTANT);
    }

    @Test
    void sgdStepsAgainstGradient() {
        double[] steps = twoSteps(OptimizerKind.SGD);

        // θ1 = 1 - 0.1 * 0.5 = 0.95; θ2 = 0.95 - 0.05 = 0.9.
        assertEquals(0.95, steps[0], TOLERANCE);
        assertEquals(0.9, steps[1], TOLERANCE);
    }

    @Test
    void momentumAccumulatesVelocity() {
        double[] steps = twoSteps(OptimizerKind.MOMENTUM);

        // v1 = 0.5, θ1 = 1 - 0.05 = 0.95; v2 = 0.9 * 0.5 + 0.5 = 0.95, θ2 = 0.95 - 0.095 = 0.855.
        assertEquals(0.95, steps[0], TOLERANCE);
        assertEquals(0.855, steps[1], TOLERANCE);
    }

    @Test
    void nesterovLooksAhead() {
        double[] steps = twoSteps(OptimizerKind.NESTEROV);

        // v1 = 0.5, θ1 = 1 - 0.1 * (0.5 + 0.9 * 0.5) = 0.905; v2 = 0.95, θ2 = 0.905 - 0.1 * (0.5 + 0.855) = 0.7695.
        assertEquals(0.905, steps[0], TOLERANCE);
        assertEquals(0.7695, steps[1], TOLERANCE);
    }

    @Test
    void adagradDividesBySummedSquares() {
        double[] steps = twoSteps(OptimizerKind.ADAGRAD);

        // s1 = 0.25, θ1 = 1 - 0.1 * 0.5 / (0.5 + 1e-8); s2 = 0.5, θ2 = θ1 - 0.1 * 0.5 / (sqrt(0.5) + 1e-8).
        double first = 1 - 0.05 / (0.5 + 1e-8);
        assertEquals(first, steps[0], TOLERANCE);
        assertEquals(first - 0.05 / (Math.sqrt(0.5) + 1e-8), steps[1], TOLERANCE);
        assertEquals(0.8292893, steps[1], 1e-7);
    }

    @Test
    void rmspropDividesByAverageSquares() {
        double[] steps = twoSteps(OptimizerKind.RMSPROP);

        // s1 = 0.1 * 0.25 = 0.025, θ1 = 1 - 0.05 / (sqrt(0.025) + 1e-8) = 0.6837723;
        // s2 = 0.9 * 0.025 + 0.1 * 0.25 = 0.0475, θ2 = θ1 - 0.05 / 0.2179449 = 0.6837723 - 0.2294157 = 0.4543566.
        assertEquals(1 - 0.05 / (Math.sqrt(0.025) + 1e-8), steps[0], TOLERANCE);
        assertEquals(0.6837723, steps[0], 1e-7);
        assertEquals(0.4543566, steps[1], 1e-7);
    }

    @Test
    void adamCorrectsBias() {
        double[] steps = twoSteps(OptimizerKind.ADAM);

        // Step 1: m = 0.05, v = 0.00025, m̂ = 0.05 / 0.1 = 0.5, v̂ = 0.00025 / 0.001 = 0.25, θ1 = 1 - 0.1 * 0.5 / (0.5 + 1e-8).
        // Step 2: m = 0.095, v = 0.00049975, m̂ = 0.095 / 0.19 = 0.5, v̂ = 0.00049975 / 0.001999 = 0.25: same step again.
        double step = 0.1 * 0.5 / (0.5 + 1e-8);
        assertEquals(1 - step, steps[0], TOLERANCE);
        assertEquals(1 - 2 * step, steps[1], TOLERANCE);
    }

    @ParameterizedTest
    @EnumSource(OptimizerKind.class)
    void updateMovesAgainstGradient(OptimizerKind kind) {
        NativeArray values = NativeArray.of(0.3, -0.2, 0.0);
        NativeArray gradients = NativeArray.of(0.7, -1.5, 0.0);
        Optimizer optimizer = new Optimizer(config(kind), List.of(new Parameter("weights", 0, values, gradients, true)));

        optimizer.step(LEARNING_RATE);

        assertTrue(values.get(0) < 0.3, kind + " positive gradient lowers the value");
        assertTrue(values.get(1) > -0.2, kind + " negative gradient raises the value");
        assertEquals(0.0, values.get(2), 0.0, kind + " zero gradient leaves the value");
    }

    @Test
    void updateNormIsRecorded() {
        NativeArray values = NativeArray.of(1.0, 1.0);
        NativeArray gradients = NativeArray.of(3.0, 4.0);
        Optimizer optimizer = new Optimizer(config(OptimizerKind.SGD), List.of(new Parameter("weights", 0, values, gradients, true)));

        optimizer.step(LEARNING_RATE);

        // ΔW = -0.1 * (3, 4), norm 0.5.
        assertEquals(0.5, optimizer.lastUpdateNorm(0), TOLERANCE);
    }
}
