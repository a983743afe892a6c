package dev.layerscope.network;

import dev.layerscope.math.NativeArray;
import dev.layerscope.math.RandomStream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A fully connected network: hidden layers, then a linear output layer whose values the loss turns into
 * predictions. Owned by one thread; passes reuse preallocated buffers for up to {@code maxRows} samples.
 */
public final class Network {

    /** Treatment of batch normalization and dropout in a forward pass. */
    public enum Mode {
        /** Batch statistics, running averages updated, dropout on. */
        TRAIN,
        /** Batch statistics, running averages untouched, dropout off: the statistics pass and gradient checks. */
        STATISTICS,
        /** Running averages, dropout off: loss and accuracy on held-out data. */
        INFERENCE
    }

    private final NetworkSpec spec;
    private final int maxRows;
    private final List<DenseLayer> layers;
    private final List<Parameter> parameters;
    private final double[] predictions;
    private RandomStream dropoutRandom;
    private NativeArray lastInput;
    private int lastRows;
    private boolean weightGradientsStale;

    /** Builds the network and draws its weights from {@code initRandom}. */
    public Network(NetworkSpec spec, int maxRows, RandomStream initRandom, RandomStream dropoutRandom) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, got " + maxRows);
        }
        this.spec = spec;
        this.maxRows = maxRows;
        this.dropoutRandom = dropoutRandom;
        List<DenseLayer> built = new ArrayList<>();
        int fanIn = spec.inputCount();
        for (LayerSpec hidden : spec.hiddenLayers()) {
            built.add(new DenseLayer(built.size(), fanIn, hidden, spec.leakySlope(), maxRows));
            fanIn = hidden.width();
        }
        LayerSpec output = new LayerSpec(spec.outputCount(), Activation.LINEAR, false, 0.0);
        built.add(new DenseLayer(built.size(), fanIn, output, spec.leakySlope(), maxRows));
        layers = Collections.unmodifiableList(built);
        List<Parameter> collected = new ArrayList<>();
        for (DenseLayer layer : layers) {
            layer.initialize(spec.init(), initRandom);
            layer.collectParameters(collected);
        }
        parameters = Collections.unmodifiableList(collected);
        predictions = new double[maxRows * spec.outputCount()];
    }

    /**
     * Runs the forward pass for the first {@code rows} samples of {@code input} ({@code rows x inputCount}).
     * Weight gradients left stale by {@link #backwardWithWeightStep} are recomputed first, because the
     * pass overwrites the buffers they come from, except in {@link Mode#TRAIN}, which starts a training
     * step whose backward pass replaces them.
     */
    public void forward(NativeArray input, int rows, Mode mode) {
        if (rows < 1 || rows > maxRows) {
            throw new IllegalArgumentException("rows must be 1 to " + maxRows + ", got " + rows);
        }
        if (mode == Mode.TRAIN) {
            weightGradientsStale = false;
        } else {
            recomputeWeightGradients();
        }
        NativeArray signal = input;
        // Indexed loops here and in the other per-step paths avoid allocating an iterator per step.
        for (int index = 0; index < layers.size(); index++) {
            signal = layers.get(index).forward(signal, rows, mode, dropoutRandom);
        }
        lastInput = input;
        lastRows = rows;
    }

    /** Returns the mean loss of the last forward pass against {@code targets} and fills the predictions. */
    public double loss(double[] targets) {
        DenseLayer output = outputLayer();
        return spec.loss().evaluate(output.preActivation(), targets, lastRows, spec.outputCount(), predictions, null);
    }

    /** Computes the predictions of the last forward pass and returns the {@link #predictions()} buffer. */
    public double[] predict() {
        spec.loss().predict(outputLayer().preActivation(), lastRows, spec.outputCount(), predictions);
        return predictions;
    }

    /**
     * Returns the mean loss of the last forward pass and back-propagates it: afterwards every
     * {@link Parameter#gradients()} contains dL/dθ averaged over the batch.
     */
    public double backward(double[] targets) {
        return backward(targets, null, Double.NaN);
    }

    /**
     * Back-propagates as {@link #backward(double[])} does, and takes the plain SGD step
     * W ← W − learningRate·dL/dW on every layer's weights inside its weight-gradient product, which
     * saves a pass over all weights. It passes each layer's index to {@code layerFinished} as soon as
     * back-propagation no longer needs that layer's parameters, from the output layer down, so the
     * caller can update the other parameters. Until {@link #recomputeWeightGradients} runs, the weight
     * gradient arrays are stale.
     */
    public double backwardWithWeightStep(double[] targets, double learningRate, IntConsumer layerFinished) {
        return backward(targets, layerFinished, learningRate);
    }

    /**
     * Refills the weight gradient arrays after {@link #backwardWithWeightStep}, bit for bit as
     * {@link #backward(double[])} would have written them. Does nothing after any other pass.
     */
    public void recomputeWeightGradients() {
        if (weightGradientsStale) {
            for (int index = 0; index < layers.size(); index++) {
                layers.get(index).recomputeWeightGradient();
            }
            weightGradientsStale = false;
        }
    }

    private double backward(double[] targets, IntConsumer layerFinished, double weightStep) {
        DenseLayer output = outputLayer();
        double loss = spec.loss().evaluate(output.preActivation(), targets, lastRows, spec.outputCount(),
                predictions, output.activationGradient());
        boolean stepWeights = !Double.isNaN(weightStep);
        for (int index = layers.size() - 1; index >= 0; index--) {
            DenseLayer layer = layers.get(index);
            boolean first = index == 0;
            NativeArray input = first ? lastInput : layers.get(index - 1).output();
            NativeArray inputGradient = first ? null : layers.get(index - 1).activationGradient();
            if (stepWeights) {
                layer.backwardWithWeightStep(input, lastRows, inputGradient, weightStep);
            } else {
                layer.backward(input, lastRows, inputGradient);
            }
            if (layerFinished != null) {
                layerFinished.accept(index);
            }
        }
        weightGradientsStale = stepWeights;
        return loss;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public int maxRows() {
        return maxRows;
    }

    /** Hidden layers in order, then the output layer. */
    public List<DenseLayer> layers() {
        return layers;
    }

    public DenseLayer outputLayer() {
        return layers.get(layers.size() - 1);
    }

    /** Returns every trainable array, layer by layer (live). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Predictions of the last {@link #loss} or {@link #backward} call, {@code rows x outputCount} (live). */
    public double[] predictions() {
        return predictions;
    }

    public RandomStream dropoutRandom() {
        return dropoutRandom;
    }

    public void setDropoutRandom(RandomStream dropoutRandom) {
        this.dropoutRandom = dropoutRandom;
    }
}
