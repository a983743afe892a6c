package dev.layerscope.training;

import dev.layerscope.math.NativeArray;
import dev.layerscope.network.DenseLayer;
import dev.layerscope.network.Network;
import dev.layerscope.network.Parameter;

import java.util.List;

/** Finds the first NaN or infinite value of a step, in the order the step computed its values. */
final class DivergenceCheck {

    private DivergenceCheck() {
    }

    /**
     * Checks the forward signal, the loss and every gradient after back-propagation; returns null when
     * all are finite. Otherwise it names the value computed first: the forward pass from the input side,
     * then the loss, then the backward pass from the output side, because a NaN spreads to everything
     * computed after it.
     */
    static Divergence afterBackward(Network network, int rows, double loss, long step, int epoch, double learningRate) {
        if (Double.isFinite(loss) && gradientsFinite(network.parameters())) {
            return null;
        }
        List<DenseLayer> layers = network.layers();
        for (DenseLayer layer : layers) {
            String quantity = firstNonFiniteForward(layer, rows * layer.width());
            if (quantity != null) {
                return divergence(step, epoch, layer.layerIndex(), quantity, learningRate);
            }
        }
        if (!Double.isFinite(loss)) {
            return divergence(step, epoch, network.outputLayer().layerIndex(), "loss", learningRate);
        }
        for (int index = layers.size() - 1; index >= 0; index--) {
            DenseLayer layer = layers.get(index);
            String quantity = firstNonFiniteBackward(layer, rows * layer.width(), network.parameters());
            if (quantity != null) {
                return divergence(step, epoch, index, quantity, learningRate);
            }
        }
        // Unreachable while the checks above cover every gradient; kept so a future array cannot slip through.
        return divergence(step, epoch, network.outputLayer().layerIndex(), "loss", learningRate);
    }

    /**
     * Checks every parameter after the optimizer step, from the finiteness the optimizer recorded while
     * updating; returns null when all are finite.
     */
    static Divergence afterUpdate(Network network, Optimizer optimizer, long step, int epoch, double learningRate) {
        List<Parameter> parameters = network.parameters();
        for (int index = 0; index < parameters.size(); index++) {
            Parameter parameter = parameters.get(index);
            if (!optimizer.valuesFinite(index)) {
                return divergence(step, epoch, parameter.layerIndex(), parameter.name(), learningRate);
            }
        }
        return null;
    }

    private static String firstNonFiniteForward(DenseLayer layer, int count) {
        if (!allFinite(layer.preActivation(), count)) {
            return "preActivation";
        }
        return allFinite(layer.activation(), count) ? null : "activation";
    }

    private static String firstNonFiniteBackward(DenseLayer layer, int count, List<Parameter> parameters) {
        if (!allFinite(layer.activationGradient(), count)) {
            return "activationGradient";
        }
        for (Parameter parameter : parameters) {
            boolean ofLayer = parameter.layerIndex() == layer.layerIndex();
            if (ofLayer && !allFinite(parameter.gradients(), parameter.gradients().length())) {
                return parameter.name().equals("weights") ? "weightGradient" : parameter.name() + "Gradient";
            }
        }
        return null;
    }

    private static Divergence divergence(long step, int epoch, int layerIndex, String quantity, double learningRate) {
        return new Divergence(step, epoch, layerIndex, quantity, advice(quantity, learningRate));
    }

    private static boolean gradientsFinite(List<Parameter> parameters) {
        for (int index = 0; index < parameters.size(); index++) {
            Parameter parameter = parameters.get(index);
            if (!allFinite(parameter.gradients(), parameter.gradients().length())) {
                return false;
            }
        }
        return true;
    }

    static boolean allFinite(NativeArray values, int count) {
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    static String advice(String quantity, double learningRate) {
        return switch (quantity) {
            case "preActivation", "activation", "loss" -> "The forward signal overflowed: pick an initializer that "
                    + "keeps the variance near 1 (glorot-normal for tanh and sigmoid, he-normal for ReLU), add batch "
                    + "normalization, or lower training.learningRate (now " + learningRate + ").";
            case "weights", "bias", "gamma", "beta" -> "An update overflowed the parameters: lower training.learningRate "
                    + "(now " + learningRate + ") or clip gradients with training.clipNorm (for example 1.0).";
            default -> "The gradient exploded on its way back: lower training.learningRate (now " + learningRate
                    + "), clip gradients with training.clipNorm (for example 1.0), or pick a smaller initialization.";
        };
    }
}
