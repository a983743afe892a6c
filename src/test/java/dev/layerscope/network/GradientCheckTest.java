package dev.layerscope.network;

import dev.layerscope.math.NativeArray;
import dev.layerscope.math.RandomStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares every back-propagated gradient of a small deep network with central finite differences
 * (L(θ + h) - L(θ - h)) / 2h. With h = 1e-5 in double precision the truncation error is about h^2 and
 * the rounding error about 1e-16 / h, both far below the tolerance.
 */
class GradientCheckTest {

    private static final double STEP = 1e-5;
    private static final double MAX_RELATIVE_ERROR = 1e-6;
    /**
     * Denominator floor of the relative error |analytic - numeric| / max(|analytic|, |numeric|, floor):
     * gradients below it are compared absolutely, because their finite difference is mostly rounding.
     */
    private static final double MAGNITUDE_FLOOR = 1e-4;
    private static final int INPUTS = 3;
    private static final int OUTPUTS = 3;
    private static final int ROWS = 6;
    private static final int[] HIDDEN_WIDTHS = {5, 4, 5, 4};

    static Stream<Arguments> everyActivationLossAndBatchNorm() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            for (Loss loss : Loss.values()) {
                cases.add(Arguments.of(activation, loss, false));
                cases.add(Arguments.of(activation, loss, true));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} batchNorm={2}")
    @MethodSource("everyActivationLossAndBatchNorm")
    void gradientsMatchFiniteDifferences(Activation activation, Loss loss, boolean batchNorm) {
        Network network = network(activation, loss, batchNorm, 0.0);

        assertGradientsMatch(network, Network.Mode.STATISTICS);
    }

    @Test
    void gradientsMatchWithDropoutMaskHeldFixed() {
        Network network = network(Activation.TANH, Loss.SOFTMAX_CROSS_ENTROPY, true, 0.3);

        assertGradientsMatch(network, Network.Mode.TRAIN);
    }

    private static Network network(Activation activation, Loss loss, boolean batchNorm, double dropout) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int width : HIDDEN_WIDTHS) {
            layers.add(new LayerSpec(width, activation, batchNorm, dropout));
        }
        InitSpec init = new InitSpec(WeightInit.GLOROT_NORMAL, 1.0, 1.0, 1.0, 0.05);
        NetworkSpec spec = new NetworkSpec(INPUTS, layers, OUTPUTS, loss, init, 0.1);
        return new Network(spec, ROWS, new RandomStream(11), new RandomStream(12));
    }

    /**
     * Checks dL/dθ for every component of every parameter. In TRAIN mode the dropout stream is reset
     * before each pass, so every pass draws the same mask.
     */
    private static void assertGradientsMatch(Network network, Network.Mode mode) {
        RandomStream data = new RandomStream(5);
        double[] input = new double[ROWS * INPUTS];
        for (int i = 0; i < input.length; i++) {
            input[i] = data.nextGaussian();
        }
        double[] targets = new double[ROWS * OUTPUTS];
        for (int row = 0; row < ROWS; row++) {
            targets[row * OUTPUTS + data.nextInt(OUTPUTS)] = 1.0;
        }
        long dropoutState = network.dropoutRandom().state();
        network.forward(NativeArray.of(input), ROWS, mode);
        network.backward(targets);
        List<double[]> analytic = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            analytic.add(parameter.gradients().toArray());
        }
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int aboveFloor = 0;
        for (int p = 0; p < network.parameters().size(); p++) {
            Parameter parameter = network.parameters().get(p);
            NativeArray values = parameter.values();
            for (int i = 0; i < values.length(); i++) {
                double original = values.get(i);
                values.set(i, original + STEP);
                double plus = loss(network, input, targets, mode, dropoutState);
                values.set(i, original - STEP);
                double minus = loss(network, input, targets, mode, dropoutState);
                values.set(i, original);
                double numeric = (plus - minus) / (2 * STEP);
                double expected = analytic.get(p)[i];
                double error = Math.abs(expected - numeric)
                        / Math.max(MAGNITUDE_FLOOR, Math.max(Math.abs(expected), Math.abs(numeric)));
                if (error > MAX_RELATIVE_ERROR) {
                    failures.add("layer " + parameter.layerIndex() + " " + parameter.name() + "[" + i + "]: analytic "
                            + expected + ", numeric " + numeric + ", relative error " + error);
                }
                checked++;
                if (Math.abs(expected) > MAGNITUDE_FLOOR) {
                    aboveFloor++;
                }
            }
        }
        assertTrue(checked > 100, "only " + checked + " gradient components checked");
        // Most components must be compared relatively, or the floor would hide real errors.
        assertTrue(aboveFloor * 2 > checked, "only " + aboveFloor + " of " + checked + " gradients exceed " + MAGNITUDE_FLOOR);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + checked + " gradients differ from finite differences:\n" + String.join("\n", failures));
        }
    }

    private static double loss(Network network, double[] input, double[] targets, Network.Mode mode, long dropoutState) {
        network.dropoutRandom().setState(dropoutState);
        network.forward(NativeArray.of(input), ROWS, mode);
        return network.loss(targets);
    }
}
