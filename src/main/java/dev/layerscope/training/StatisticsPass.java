package dev.layerscope.training;

import dev.layerscope.math.NativeArray;
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
     * {@link #MAX_TEST_SAMPLES}. The training subset is fixed, so its curve is smooth even though it is
     * a sample. With the 256-sample evaluation pass (forward and backward, about three forward passes
     * each), a snapshot without held-out data costs about 1,280 sample forward passes. That is an
     * estimated 4% of a 10,000-sample epoch at three forward passes per sample, not counting the
     * per-layer statistics themselves.
     */
    static final int MAX_TRAIN_SAMPLES = 512;
    static final int MAX_TEST_SAMPLES = 2_048;

    private final Network network;
    private final Evaluation evaluation;
    private final int histogramBins;
    private final int unitSample;
    private final double[] predictedVariance;
    private final int[] weightIndex;
    private final int[] biasIndex;
    /** Heap copies of one layer's native arrays, reused for every layer and snapshot so a snapshot allocates little. */
    private final double[] preActivationCopy;
    private final double[] activationCopy;
    private final double[] activationGradientCopy;
    private final double[] weightsCopy;
    private final double[] weightGradientCopy;
    private final double[] biasGradientCopy;

    StatisticsPass(Network network, Evaluation evaluation, int histogramBins, int unitSample, double[] predictedVariance) {
        this.network = network;
        this.evaluation = evaluation;
        this.histogramBins = histogramBins;
        this.unitSample = unitSample;
        this.predictedVariance = predictedVariance.clone();
        int layers = network.layers().size();
        weightIndex = new int[layers];
        biasIndex = new int[layers];
        int widest = 0;
        int maxWeightCount = 0;
        for (DenseLayer layer : network.layers()) {
            widest = Math.max(widest, layer.width());
            maxWeightCount = Math.max(maxWeightCount, layer.weights().length());
        }
        int values = evaluation.evalRows() * widest;
        preActivationCopy = new double[values];
        activationCopy = new double[values];
        activationGradientCopy = new double[values];
        weightsCopy = new double[maxWeightCount];
        weightGradientCopy = new double[maxWeightCount];
        biasGradientCopy = new double[widest];
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
        // The statistics read heap copies of the layer's live arrays, which are native.
        double[] preActivation = copy(layer.preActivation(), count, preActivationCopy);
        double[] activation = output ? network.predictions() : copy(layer.activation(), count, activationCopy);
        double[] activationGradient = copy(layer.activationGradient(), count, activationGradientCopy);
        int weightCount = layer.weights().length();
        double[] weights = copy(layer.weights(), weightCount, weightsCopy);
        double[] weightGradient = copy(layer.weightGradient(), weightCount, weightGradientCopy);
        NativeArray bias = network.parameters().get(biasIndex[index]).gradients();
        double[] biasGradient = copy(bias, bias.length(), biasGradientCopy);
        double weightNorm = Summaries.norm(weights, weightCount);
        UnitSample units = UnitMeasures.sample(function, slope, preActivation, activation,
                activationGradient, rows, width, unitSample);
        return new LayerStats(index, layer.fanIn(), width, activationName(layer, output),
                Summaries.summarize(preActivation, count, histogramBins),
                Summaries.summarize(activation, count, histogramBins),
                output ? Double.NaN : UnitMeasures.saturatedFraction(function, slope, preActivation, rows, width),
                output ? Double.NaN : UnitMeasures.deadFraction(function, preActivation, rows, width),
                Summaries.summarize(weightGradient, weightCount, histogramBins),
                Summaries.norm(weightGradient, weightCount),
                Summaries.norm(biasGradient, bias.length()),
                // The loss is a batch mean; sqrt(rows) * ||dL/dA|| is the per-sample norm, root-mean-squared.
                Math.sqrt(rows) * Summaries.norm(activationGradient, count),
                weightNorm,
                weightNorm > 0 ? updateNorm / weightNorm : Double.NaN,
                predictedVariance[index],
                units);
    }

    /** Copies the first {@code count} values of {@code source} into {@code target} and returns it. */
    private static double[] copy(NativeArray source, int count, double[] target) {
        source.copyTo(0, target, 0, count);
        return target;
    }

    private String activationName(DenseLayer layer, boolean output) {
        if (output) {
            return network.spec().loss() == Loss.SOFTMAX_CROSS_ENTROPY ? "softmax" : "linear";
        }
        return layer.activationFunction().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
