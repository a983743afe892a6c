package dev.layerscope.training;

import dev.layerscope.network.Parameter;

import java.util.List;

/** Gradient changes between back-propagation and the optimizer: L2 weight decay, then clipping. */
final class GradientAdjustment {

    private GradientAdjustment() {
    }

    /** Adds lambda * θ to the gradient of every decayed parameter (the weights): the gradient of (lambda / 2)·‖W‖². */
    static void addWeightDecay(List<Parameter> parameters, double lambda) {
        if (lambda == 0) {
            return;
        }
        for (Parameter parameter : parameters) {
            if (parameter.decayed()) {
                double[] values = parameter.values();
                double[] gradients = parameter.gradients();
                for (int i = 0; i < values.length; i++) {
                    gradients[i] += lambda * values[i];
                }
            }
        }
    }

    /** Clips every component to [-limit, limit]; a limit of 0 turns clipping off. */
    static void clipByValue(List<Parameter> parameters, double limit) {
        if (limit == 0) {
            return;
        }
        for (Parameter parameter : parameters) {
            double[] gradients = parameter.gradients();
            for (int i = 0; i < gradients.length; i++) {
                gradients[i] = Math.max(-limit, Math.min(limit, gradients[i]));
            }
        }
    }

    /**
     * Rescales all gradients by maxNorm / norm when their global L2 norm (over every parameter of every
     * layer) exceeds {@code maxNorm}; a maxNorm of 0 turns clipping off.
     */
    static void clipByGlobalNorm(List<Parameter> parameters, double maxNorm) {
        if (maxNorm == 0) {
            return;
        }
        double squares = 0;
        for (Parameter parameter : parameters) {
            squares += sumOfSquares(parameter.gradients());
        }
        double norm = Math.sqrt(squares);
        if (norm > maxNorm) {
            double scale = maxNorm / norm;
            for (Parameter parameter : parameters) {
                double[] gradients = parameter.gradients();
                for (int i = 0; i < gradients.length; i++) {
                    gradients[i] *= scale;
                }
            }
        }
    }

    static double sumOfSquares(double[] values) {
        double squares = 0;
        for (double value : values) {
            squares += value * value;
        }
        return squares;
    }
}
