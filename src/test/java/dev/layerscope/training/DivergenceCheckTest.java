package dev.layerscope.training;

import dev.layerscope.config.RunConfig;
import dev.layerscope.math.NativeArray;
import dev.layerscope.math.RandomStream;
import dev.layerscope.network.Activation;
import dev.layerscope.network.InitSpec;
import dev.layerscope.network.LayerSpec;
import dev.layerscope.network.Loss;
import dev.layerscope.network.Network;
import dev.layerscope.network.NetworkSpec;
import dev.layerscope.network.WeightInit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DivergenceCheckTest {

    private static final int ROWS = 4;

    private static Network network() {
        List<LayerSpec> layers = List.of(new LayerSpec(3, Activation.TANH, false, 0.0),
                new LayerSpec(3, Activation.TANH, false, 0.0), new LayerSpec(3, Activation.TANH, false, 0.0));
        NetworkSpec spec = new NetworkSpec(2, layers, 2, Loss.SOFTMAX_CROSS_ENTROPY, InitSpec.of(WeightInit.GLOROT_NORMAL), 0.01);
        return new Network(spec, ROWS, new RandomStream(1), new RandomStream(2));
    }

    private static Optimizer optimizer(Network network, String kind) {
        String json = "{\"training\": {\"optimizer\": \"" + kind + "\", \"learningRate\": 0.1}}";
        return new Optimizer(RunConfig.fromJson(json).training(), network.parameters());
    }

    private static double pass(Network network) {
        double[] input = {0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8};
        double[] targets = {1, 0, 0, 1, 1, 0, 0, 1};
        network.forward(NativeArray.of(input), ROWS, Network.Mode.STATISTICS);
        return network.backward(targets);
    }

    @Test
    void finiteStepPasses() {
        Network network = network();
        double loss = pass(network);

        Optimizer optimizer = optimizer(network, "sgd");
        optimizer.step(0.1);

        assertNull(DivergenceCheck.afterBackward(network, ROWS, loss, 1, 0, 0.1));
        assertNull(DivergenceCheck.afterUpdate(network, optimizer, 1, 0, 0.1));
    }

    @Test
    void infiniteWeightNamesFirstLayerWithNaN() {
        Network network = network();
        // An infinite weight in layer 1 makes its pre-activation infinite; tanh then bounds the activation.
        network.layers().get(1).weights().set(0, Double.POSITIVE_INFINITY);
        double loss = pass(network);

        Divergence divergence = DivergenceCheck.afterBackward(network, ROWS, loss, 7, 2, 0.1);

        assertEquals(1, divergence.layerIndex());
        assertEquals("preActivation", divergence.quantity());
        assertEquals(7, divergence.step());
        assertEquals(2, divergence.epoch());
    }

    @Test
    void nanBiasAfterUpdateNamesParameter() {
        for (String kind : List.of("sgd", "momentum", "adam")) {
            Network network = network();
            pass(network);
            Optimizer optimizer = optimizer(network, kind);
            network.layers().get(2).bias().set(1, Double.NaN);
            optimizer.step(0.1);

            Divergence divergence = DivergenceCheck.afterUpdate(network, optimizer, 3, 0, 0.1);

            assertEquals(2, divergence.layerIndex(), kind);
            assertEquals("bias", divergence.quantity(), kind);
        }
    }

    @Test
    void sgdOverflowToInfinityNamesWeights() {
        Network network = network();
        pass(network);
        Optimizer optimizer = optimizer(network, "sgd");
        // The last of 6 weights falls outside the update loop's groups of four, so the remainder loop is checked too.
        NativeArray weights = network.layers().get(0).weights();
        NativeArray gradients = network.layers().get(0).weightGradient();
        weights.set(5, -Double.MAX_VALUE);
        gradients.set(5, Double.MAX_VALUE / 100);
        optimizer.step(1000);

        Divergence divergence = DivergenceCheck.afterUpdate(network, optimizer, 3, 0, 1000);

        assertEquals(Double.NEGATIVE_INFINITY, weights.get(5));
        assertEquals(0, divergence.layerIndex());
        assertEquals("weights", divergence.quantity());
    }
}
