package dev.layerscope.training;

import dev.layerscope.network.DenseLayer;
import dev.layerscope.network.Network;
import dev.layerscope.network.Parameter;

import java.util.List;

/** Finds the first NaN or infinite value of a step, scanning layers from the input side. */
final class DivergenceCheck {

    private DivergenceCheck() {
    }

    /** Checks the loss, the forward signal and every gradient after back-propagation; returns null when all are finite. */
    static Divergence afterBackward(Network network, int rows, double loss, long step, int epoch, double learningRate) {
        if (Double.isFinite(loss) && gradientsFinite(network.parameters())) {
            return null;
        }
        for (DenseLayer layer : network.layers()) {
            int count = rows * layer.width();
            String quantity = firstNonFinite(layer, count, network.parameters());
            if (quantity != null) {
                return new Divergence(step, epoch, layer.layerIndex(), quantity, advice(quantity, learningRate));
            }
        }
        int outputIndex = network.outputLayer().layerIndex();
        return new Divergence(step, epoch, outputIndex, "loss", advice("loss", learningRate));
    }

    /** Checks every parameter after the optimizer step; returns null when all are finite. */
    static Divergence afterUpdate(Network network, long step, int epoch, double learningRate) {
        for (Parameter parameter : network.parameters()) {
            if (!allFinite(parameter.values(), parameter.values().length)) {
                return new Divergence(step, epoch, parameter.layerIndex(), parameter.name(),
                        advice(parameter.name(), learningRate));
            }
        }
        return null;
    }

    private static String firstNonFinite(DenseLayer layer, int count, List<Parameter> parameters) {
        if (!allFinite(layer.preActivation(), count)) {
            return "preActivation";
        }
        if (!allFinite(layer.activation(), count)) {
            return "activation";
        }
        if (!allFinite(layer.activationGradient(), count)) {
            return "activationGradient";
        }
        for (Parameter parameter : parameters) {
            boolean ofLayer = parameter.layerIndex() == layer.layerIndex();
            if (ofLayer && !allFinite(parameter.gradients(), parameter.gradients().length)) {
                return parameter.name().equals("weights") ? "weightGradient" : parameter.name() + "Gradient";
            }
        }
        return null;
    }

    private static boolean gradientsFinite(List<Parameter> parameters) {
        for (Parameter parameter : parameters) {
            if (!allFinite(parameter.gradients(), parameter.gradients().length)) {
                return false;
            }
        }
        return true;
    }

    static boolean allFinite(double[] values, int count) {
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(values[i])) {
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
