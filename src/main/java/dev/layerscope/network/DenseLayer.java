package dev.layerscope.network;

import dev.layerscope.math.Blas;
import dev.layerscope.math.NativeArray;
import dev.layerscope.math.RandomStream;

/**
 * One dense layer: z = Wx + b (or z = BN(Wx) with batch normalization, which replaces the bias by its
 * beta), a = f(z), then dropout during training. Weights are {@code width x fanIn}, row-major. Buffers
 * hold one row per sample for up to {@code maxRows} samples; the accessors return those live buffers,
 * valid until the next pass, and callers must not write into them. Every array the products touch is a
 * {@link NativeArray}, so OpenBLAS reads and writes them where they are.
 */
public final class DenseLayer {

    private final int layerIndex;
    private final int fanIn;
    private final int width;
    private final Activation activationFunction;
    private final double leakySlope;
    private final double dropout;
    private final BatchNorm batchNorm;

    private final NativeArray weights;
    private final NativeArray weightGradient;
    private final NativeArray bias;
    private final NativeArray biasGradient;

    private final NativeArray linear;
    private final NativeArray preActivation;
    private final NativeArray activation;
    private final double[] dropoutScale;
    private final NativeArray dropoutOutput;
    private final NativeArray activationGradient;
    private final NativeArray preActivationGradient;
    /** Heap scratch of one row's width: a copy of the bias going forward, the bias gradient going back. */
    private final double[] rowScratch;
    private boolean dropoutApplied;
    private NativeArray steppedInput;
    private int steppedRows;

    DenseLayer(int layerIndex, int fanIn, LayerSpec spec, double leakySlope, int maxRows) {
        this.layerIndex = layerIndex;
        this.fanIn = fanIn;
        this.width = spec.width();
        this.activationFunction = spec.activation();
        this.leakySlope = leakySlope;
        this.dropout = spec.dropout();
        this.batchNorm = spec.batchNorm() ? new BatchNorm(width, maxRows) : null;
        weights = new NativeArray(width * fanIn);
        weightGradient = new NativeArray(width * fanIn);
        bias = new NativeArray(batchNorm == null ? width : 0);
        biasGradient = new NativeArray(bias.length());
        int size = maxRows * width;
        preActivation = new NativeArray(size);
        linear = batchNorm == null ? preActivation : new NativeArray(size);
        activation = activationFunction == Activation.LINEAR ? preActivation : new NativeArray(size);
        dropoutScale = dropout > 0 ? new double[size] : new double[0];
        dropoutOutput = dropout > 0 ? new NativeArray(size) : activation;
        activationGradient = new NativeArray(size);
        preActivationGradient = new NativeArray(size);
        rowScratch = new double[width];
    }

    /** Draws the weights and sets every bias to the spec's bias value. */
    void initialize(InitSpec init, RandomStream random) {
        init.kind().fill(weights, fanIn, width, init, random);
        bias.fill(init.bias());
    }

    /**
     * Computes the layer's output for {@code rows} samples of {@code input} and returns the buffer
     * holding it (the activations, or their dropped-out copy during training).
     */
    NativeArray forward(NativeArray input, int rows, Network.Mode mode, RandomStream dropoutRandom) {
        Blas.gemm(false, true, rows, width, fanIn, 1.0, input, weights, 0.0, linear);
        if (batchNorm == null && activationFunction == Activation.RELU) {
            addBiasAndApplyRelu(rows);
        } else {
            if (batchNorm == null) {
                addBias(rows);
            } else if (mode == Network.Mode.INFERENCE) {
                batchNorm.forwardWithRunningStatistics(linear, preActivation, rows);
            } else {
                batchNorm.forwardWithBatchStatistics(linear, preActivation, rows, mode == Network.Mode.TRAIN);
            }
            if (activation != preActivation) {
                activationFunction.apply(preActivation, activation, rows * width, leakySlope);
            }
        }
        dropoutApplied = mode == Network.Mode.TRAIN && dropout > 0;
        if (dropoutApplied) {
            applyDropout(rows, dropoutRandom);
        }
        return output();
    }

    private void addBias(int rows) {
        for (int row = 0; row < rows; row++) {
            int offset = row * width;
            for (int j = 0; j < width; j++) {
                preActivation.set(offset + j, preActivation.get(offset + j) + bias.get(j));
            }
        }
    }

    /** Adds the bias and applies ReLU in one pass over the native arrays, with the same values as two passes. */
    private void addBiasAndApplyRelu(int rows) {
        bias.copyTo(0, rowScratch, 0, width);
        for (int row = 0; row < rows; row++) {
            int offset = row * width;
            for (int j = 0; j < width; j++) {
                double z = preActivation.get(offset + j) + rowScratch[j];
                preActivation.set(offset + j, z);
                activation.set(offset + j, Activation.relu(z));
            }
        }
    }

    /** Inverted dropout: each activation is zeroed with probability p, the others scaled by 1 / (1 - p). */
    private void applyDropout(int rows, RandomStream random) {
        double keptScale = 1 / (1 - dropout);
        int count = rows * width;
        for (int i = 0; i < count; i++) {
            double scale = random.nextDouble() < dropout ? 0.0 : keptScale;
            dropoutScale[i] = scale;
            dropoutOutput.set(i, activation.get(i) * scale);
        }
    }

    /**
     * Back-propagates from dL/d(output), which the caller has written into {@link #activationGradient()}'s
     * buffer: writes dL/da there, the parameter gradients, and dL/dx into {@code inputGradient} unless it
     * is null.
     */
    void backward(NativeArray input, int rows, NativeArray inputGradient) {
        backToPreActivation(rows);
        Blas.gemm(true, false, width, fanIn, rows, 1.0, preActivationGradient, input, 0.0, weightGradient);
        if (inputGradient != null) {
            Blas.gemm(false, false, rows, fanIn, width, 1.0, preActivationGradient, weights, 0.0, inputGradient);
        }
    }

    /**
     * Back-propagates as {@link #backward} does, but takes the plain SGD step W ← W − learningRate·dL/dW
     * inside the weight-gradient product instead of writing dL/dW, after dL/dx has used the old weights.
     * That saves a pass over the weights and their gradients. OpenBLAS may compute the step with a fused
     * multiply-add, so a weight can differ from the separate update in its last bit. The weight
     * gradient array is stale afterwards until {@link #recomputeWeightGradient} refills it from this
     * pass's buffers.
     */
    void backwardWithWeightStep(NativeArray input, int rows, NativeArray inputGradient, double learningRate) {
        backToPreActivation(rows);
        if (inputGradient != null) {
            Blas.gemm(false, false, rows, fanIn, width, 1.0, preActivationGradient, weights, 0.0, inputGradient);
        }
        Blas.gemm(true, false, width, fanIn, rows, -learningRate, preActivationGradient, input, 1.0, weights);
        steppedInput = input;
        steppedRows = rows;
    }

    /** Writes dL/dW of the last {@link #backwardWithWeightStep} into the weight gradient array, as {@link #backward} would have. */
    void recomputeWeightGradient() {
        Blas.gemm(true, false, width, fanIn, steppedRows, 1.0, preActivationGradient, steppedInput, 0.0, weightGradient);
    }

    /** Turns dL/d(output) into dL/da and dL/dz, and writes the bias (or gamma and beta) gradients. */
    private void backToPreActivation(int rows) {
        int count = rows * width;
        if (dropoutApplied) {
            for (int i = 0; i < count; i++) {
                activationGradient.set(i, activationGradient.get(i) * dropoutScale[i]);
            }
        }
        if (batchNorm == null && activationFunction == Activation.RELU) {
            applyReluDerivativeAndSumColumns(rows);
        } else {
            if (activationFunction == Activation.LINEAR) {
                preActivationGradient.copyFrom(activationGradient, count);
            } else {
                activationFunction.multiplyByDerivative(preActivation, activationGradient, preActivationGradient, count, leakySlope);
            }
            if (batchNorm != null) {
                batchNorm.backwardInPlace(preActivationGradient, rows);
            } else {
                sumColumns(preActivationGradient, rows, biasGradient);
            }
        }
    }

    /**
     * Writes dL/dz = dL/da * ReLU'(z) and the bias gradient, its column sums, in one pass; the sums
     * run in the same order as {@link #sumColumns}, so they keep their bits.
     */
    private void applyReluDerivativeAndSumColumns(int rows) {
        java.util.Arrays.fill(rowScratch, 0.0);
        for (int row = 0; row < rows; row++) {
            int offset = row * width;
            for (int j = 0; j < width; j++) {
                double gradient = activationGradient.get(offset + j) * Activation.reluDerivative(preActivation.get(offset + j));
                preActivationGradient.set(offset + j, gradient);
                rowScratch[j] += gradient;
            }
        }
        biasGradient.copyFrom(rowScratch, 0, 0, width);
    }

    private void sumColumns(NativeArray values, int rows, NativeArray sums) {
        sums.fill(0.0);
        for (int row = 0; row < rows; row++) {
            int offset = row * width;
            for (int j = 0; j < width; j++) {
                sums.set(j, sums.get(j) + values.get(offset + j));
            }
        }
    }

    /** Appends this layer's trainable arrays in a fixed order: weights, bias or gamma and beta. */
    void collectParameters(java.util.List<Parameter> parameters) {
        parameters.add(new Parameter("weights", layerIndex, weights, weightGradient, true));
        if (batchNorm == null) {
            parameters.add(new Parameter("bias", layerIndex, bias, biasGradient, false));
        } else {
            parameters.add(new Parameter("gamma", layerIndex, batchNorm.gamma, batchNorm.gammaGradient, false));
            parameters.add(new Parameter("beta", layerIndex, batchNorm.beta, batchNorm.betaGradient, false));
        }
    }

    public int layerIndex() {
        return layerIndex;
    }

    public int fanIn() {
        return fanIn;
    }

    public int width() {
        return width;
    }

    public Activation activationFunction() {
        return activationFunction;
    }

    public double leakySlope() {
        return leakySlope;
    }

    public boolean hasBatchNorm() {
        return batchNorm != null;
    }

    /** Returns the batch normalization of this layer, or null when it has none. */
    public BatchNorm batchNorm() {
        return batchNorm;
    }

    /** Weights, {@code width x fanIn} row-major (live). */
    public NativeArray weights() {
        return weights;
    }

    public NativeArray weightGradient() {
        return weightGradient;
    }

    /** Biases (live); empty when the layer has batch normalization. */
    public NativeArray bias() {
        return bias;
    }

    public NativeArray biasGradient() {
        return biasGradient;
    }

    /** Values fed to the activation function: Wx + b, or BN(Wx) with batch normalization (live). */
    public NativeArray preActivation() {
        return preActivation;
    }

    /** a = f(z) before dropout (live). */
    public NativeArray activation() {
        return activation;
    }

    /** dL/da from the last backward pass (live). */
    public NativeArray activationGradient() {
        return activationGradient;
    }

    NativeArray output() {
        return dropoutApplied ? dropoutOutput : activation;
    }
}
