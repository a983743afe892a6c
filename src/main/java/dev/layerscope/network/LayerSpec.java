package dev.layerscope.network;

/**
 * One hidden layer.
 *
 * @param width      number of units
 * @param activation the activation function
 * @param batchNorm  whether batch normalization sits between the product Wx and the activation
 * @param dropout    probability of zeroing each activation during training, 0 to below 1
 */
public record LayerSpec(int width, Activation activation, boolean batchNorm, double dropout) {

    public LayerSpec {
        if (width < 1) {
            throw new IllegalArgumentException("layer width must be >= 1, got " + width);
        }
        if (activation == null) {
            throw new IllegalArgumentException("layer activation is missing");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
    }
}
