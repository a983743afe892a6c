package dev.layerscope.training;

import dev.layerscope.network.Activation;
import dev.layerscope.network.DenseLayer;
import dev.layerscope.network.Loss;
import dev.layerscope.network.Network;
import dev.layerscope.network.Parameter;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.stats.LayerStats;
import dev.layerscope.stats.Summaries;
import dev.layerscope.stats.UnitMeasures;
import dev.layerscope.stats.UnitSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Takes a statistics snapshot: loss and accuracy on training and test data (inference mode), then one
 * forward and backward pass over the fixed evaluation batch (batch statistics, no dropout) whose
 * buffers give every per-layer value. Overwrites the network's buffers and gradients.
 */
final class StatisticsPass {

    /**
     * Training loss and accuracy use at most this many training samples and the held-out ones at most
     * {@link #MAX_TEST_SAMPLES}. With the 256-sample evaluation pass (forward and backward, about three
     * forward passes each) a snapshot costs at most about 3,840 sample forward passes: 13% of a
     * 10,000-sample epoch, which costs about three forward passes per sample.
     */
    static final int MAX_TRAIN_SAMPLES = 1_024;
    static final int MAX_TEST_SAMPLES = 2_048;

    private final Network network;
    private final Evaluation evaluation;
    private final int histogramBins;
    private final int unitSample;
    private final double[] predictedVariance;
    private final int[] weightIndex;
    private final int[] biasIndex;

    StatisticsPass(Network network, Evaluation evaluation, int histogramBins, int unitSample, double[] predictedVariance) {
        this.network = network;
        this.evaluation = evaluation;
        this.histogramBins = histogramBins;
        this.unitSample = unitSample;
        this.predictedVariance = predictedVariance.clone();
        int layers = network.layers().size();
        weightIndex = new int[layers];
        biasIndex = new int[layers];
        List<Parameter> parameters = network.parameters();
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            String name = parameter.name();
            if (name.equals("weights")) {
                weightIndex[parameter.layerIndex()] = p;
            } else if (name.equals("bias") || name.equals("beta")) {
                biasIndex[parameter.layerIndex()] = p;
            }
        }
    }

    EpochStats collect(int epoch, long step, double learningRate, double samplesPerSecond, Optimizer optimizer, boolean updated) {
        // The update norms come from the last step's gradients, which the backward pass below overwrites.
        network.recomputeWeightGradients();
        optimizer.settleUpdateNorms();
        double[] train = evaluation.score(evaluation.train(), MAX_TRAIN_SAMPLES);
        double[] test = evaluation.score(evaluation.test(), MAX_TEST_SAMPLES);
        int rows = evaluation.evalRows();
        network.forward(evaluation.evalInput(), rows, Network.Mode.STATISTICS);
        network.backward(evaluation.evalTargets());
        List<LayerStats> layers = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            double updateNorm = updated ? optimizer.lastUpdateNorm(weightIndex[layer.layerIndex()]) : 0.0;
            layers.add(layerStats(layer, rows, updateNorm));
        }
        return new EpochStats(epoch, step, train[0], train[1], test[0], test[1], learningRate, samplesPerSecond, layers);
    }

    private LayerStats layerStats(DenseLayer layer, int rows, double updateNorm) {
        int index = layer.layerIndex();
        int width = layer.width();
        int count = rows * width;
        boolean output = layer == network.outputLayer();
        Activation function = layer.activationFunction();
        double slope = layer.leakySlope();
        // The statistics read copies on the heap, taken once per snapshot; the layer's live arrays are native.
        double[] preActivation = layer.preActivation().toArray(count);
        double[] activation = output ? network.predictions() : layer.activation().toArray(count);
        double[] activationGradient = layer.activationGradient().toArray(count);
        double[] weights = layer.weights().toArray();
        double[] weightGradient = layer.weightGradient().toArray();
        double[] biasGradient = network.parameters().get(biasIndex[index]).gradients().toArray();
        double weightNorm = Summaries.norm(weights, weights.length);
        UnitSample units = UnitMeasures.sample(function, slope, preActivation, activation,
                activationGradient, rows, width, unitSample);
        return new LayerStats(index, layer.fanIn(), width, activationName(layer, output),
                Summaries.summarize(preActivation, count, histogramBins),
                Summaries.summarize(activation, count, histogramBins),
                output ? Double.NaN : UnitMeasures.saturatedFraction(function, slope, preActivation, rows, width),
                output ? Double.NaN : UnitMeasures.deadFraction(function, preActivation, rows, width),
                Summaries.summarize(weightGradient, weightGradient.length, histogramBins),
                Summaries.norm(weightGradient, weightGradient.length),
                Summaries.norm(biasGradient, biasGradient.length),
                // The loss is a batch mean; sqrt(rows) * ||dL/dA|| is the per-sample norm, root-mean-squared.
                Math.sqrt(rows) * Summaries.norm(activationGradient, count),
                weightNorm,
                weightNorm > 0 ? updateNorm / weightNorm : Double.NaN,
                predictedVariance[index],
                units);
    }

    private String activationName(DenseLayer layer, boolean output) {
        if (output) {
            return network.spec().loss() == Loss.SOFTMAX_CROSS_ENTROPY ? "softmax" : "linear";
        }
        return layer.activationFunction().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
