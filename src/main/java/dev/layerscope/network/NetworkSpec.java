package dev.layerscope.network;

import java.util.List;

/**
 * A whole network: input size, hidden layers, output size and loss. The output layer is dense and
 * linear; the loss turns its values into predictions (softmax probabilities or the values themselves).
 *
 * @param leakySlope slope of {@link Activation#LEAKY_RELU} for z <= 0
 */
public record NetworkSpec(int inputCount, List<LayerSpec> hiddenLayers, int outputCount, Loss loss,
                          InitSpec init, double leakySlope) {

    public NetworkSpec {
        hiddenLayers = List.copyOf(hiddenLayers);
        if (inputCount < 1 || outputCount < 1) {
            throw new IllegalArgumentException("input and output counts must be >= 1, got " + inputCount
                    + " and " + outputCount);
        }
        if (loss == null || init == null) {
            throw new IllegalArgumentException("loss and init are required");
        }
        if (!Double.isFinite(leakySlope)) {
            throw new IllegalArgumentException("leakySlope must be finite, got " + leakySlope);
        }
    }
}
