package dev.layerscope.config;

import dev.layerscope.network.InitSpec;
import dev.layerscope.network.LayerSpec;
import dev.layerscope.network.Loss;
import dev.layerscope.network.NetworkSpec;

import java.util.List;

/**
 * The network part of a configuration: everything but the input and output sizes, which come from the
 * dataset.
 */
public record NetworkConfig(List<LayerSpec> hiddenLayers, double leakySlope, InitSpec init, Loss loss) {

    public NetworkConfig {
        hiddenLayers = List.copyOf(hiddenLayers);
        Limits.DEPTH.require(hiddenLayers.size(), true);
        for (LayerSpec layer : hiddenLayers) {
            Limits.WIDTH.require(layer.width(), true);
            Limits.DROPOUT.require(layer.dropout(), false);
        }
        Limits.LEAKY_SLOPE.require(leakySlope, false);
        if (init == null || loss == null) {
            throw new IllegalArgumentException("init and loss are required");
        }
    }

    /** Returns the full network for a dataset with {@code inputCount} features and {@code outputCount} outputs. */
    public NetworkSpec toSpec(int inputCount, int outputCount) {
        return new NetworkSpec(inputCount, hiddenLayers, outputCount, loss, init, leakySlope);
    }
}
