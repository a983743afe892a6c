package dev.layerscope.network;

import dev.layerscope.math.NativeArray;

/**
 * One trainable array of a layer and its gradient dL/dθ, for optimizers, clipping and statistics.
 * The arrays are the layer's own: an optimizer updates {@code values} in place.
 *
 * @param name       {@code "weights"}, {@code "bias"}, {@code "gamma"} or {@code "beta"}
 * @param layerIndex the layer, 0 = first hidden layer; the output layer has the highest index
 * @param decayed    whether L2 weight decay applies (weights only)
 */
public record Parameter(String name, int layerIndex, NativeArray values, NativeArray gradients, boolean decayed) {
}
