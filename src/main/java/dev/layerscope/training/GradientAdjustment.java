package dev.layerscope.training;

import dev.layerscope.math.NativeArray;
import dev.layerscope.network.Parameter;

import java.util.List;

/**
 * Gradient changes between back-propagation and the optimizer: L2 weight decay, then clipping. Loops are
 * indexed because they run every step and a for-each loop would allocate an iterator.
 */
final class GradientAdjustment {

    private GradientAdjustment() {
    }

    /** Adds lambda * θ to the gradient of every decayed parameter (the weights): the gradient of (lambda / 2)·‖W‖². */
    static void addWeightDecay(List<Parameter> parameters, double lambda) {
        if (lambda == 0) {
            return;
        }
        for (int index = 0; index < parameters.size(); index++) {
            Parameter parameter = parameters.get(index);
            if (parameter.decayed()) {
                NativeArray values = parameter.values();
                NativeArray gradients = parameter.gradients();
                for (int i = 0; i < values.length(); i++) {
                    gradients.set(i, gradients.get(i) + lambda * values.get(i));
                }
            }
        }
    }

    /** Clips every component to [-limit, limit]; a limit of 0 turns clipping off. */
    static void clipByValue(List<Parameter> parameters, double limit) {
        if (limit == 0) {
            return;
        }
        for (int index = 0; index < parameters.size(); index++) {
            NativeArray gradients = parameters.get(index).gradients();
            for (int i = 0; i < gradients.length(); i++) {
                gradients.set(i, Math.max(-limit, Math.min(limit, gradients.get(i))));
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
        for (int index = 0; index < parameters.size(); index++) {
            squares += sumOfSquares(parameters.get(index).gradients());
        }
        double norm = Math.sqrt(squares);
        if (norm > maxNorm) {
            double scale = maxNorm / norm;
            for (int index = 0; index < parameters.size(); index++) {
                NativeArray gradients = parameters.get(index).gradients();
                for (int i = 0; i < gradients.length(); i++) {
                    gradients.set(i, gradients.get(i) * scale);
                }
            }
        }
    }

    static double sumOfSquares(NativeArray values) {
        double squares = 0;
        for (int i = 0; i < values.length(); i++) {
            double value = values.get(i);
            squares += value * value;
        }
        return squares;
    }
}
