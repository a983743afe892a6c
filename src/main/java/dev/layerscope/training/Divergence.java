package dev.layerscope.training;

/**
 * The location of a blow-up: the first NaN or infinite value in the order of computation (the forward pass
 * from the input side, the loss, the backward pass from the output side, then the updated parameters).
 *
 * @param step       the step during which it happened (1 = the first step)
 * @param epoch      epochs completed before that step
 * @param layerIndex the layer, 0 = first hidden layer; the output layer has the highest index
 * @param quantity   {@code loss}, {@code weights}, {@code bias}, {@code gamma}, {@code beta},
 *                   {@code preActivation}, {@code activation}, {@code activationGradient},
 *                   {@code weightGradient}, {@code biasGradient}, {@code gammaGradient} or {@code betaGradient}
 * @param advice     one sentence on what to change
 */
public record Divergence(long step, int epoch, int layerIndex, String quantity, String advice) {

    /** Formats the divergence as one line for a terminal or a log. */
    public String message() {
        return "training diverged at step " + step + " (epoch " + (epoch + 1) + "): " + quantity + " of layer "
                + layerIndex + " became NaN or infinite. " + advice;
    }
}
