package dev.layerscope.training;

import dev.layerscope.config.OptimizerKind;
import dev.layerscope.config.TrainingConfig;
import dev.layerscope.math.NativeArray;
import dev.layerscope.network.Parameter;

import java.util.List;

/**
 * Applies one update θ ← θ − learningRate · (direction) to every parameter from its gradient g. The
 * optimizer keeps per-component state: the velocity v of momentum and Nesterov, the squared-gradient
 * sum or average of AdaGrad and RMSProp, and Adam's bias-corrected moment averages m and v. It also
 * records the L2 norm of each parameter's update for the update-to-weight ratio.
 */
final class Optimizer {

    private final OptimizerKind kind;
    private final TrainingConfig config;
    private final List<Parameter> parameters;
    private final double[][] first;
    private final double[][] second;
    private final double[] updateNorms;
    private final boolean[] valuesFinite;
    private final int[][] parametersByLayer;
    private long updates;
    private boolean updateNormsPending;
    private double pendingLearningRate;

    Optimizer(TrainingConfig config, List<Parameter> parameters) {
        this.kind = config.optimizer();
        this.config = config;
        this.parameters = parameters;
        int count = parameters.size();
        first = new double[count][];
        second = new double[count][];
        for (int p = 0; p < count; p++) {
            int size = parameters.get(p).values().length();
            first[p] = kind == OptimizerKind.SGD ? new double[0] : new double[size];
            second[p] = kind == OptimizerKind.ADAM ? new double[size] : new double[0];
        }
        updateNorms = new double[count];
        valuesFinite = new boolean[count];
        parametersByLayer = indexByLayer(parameters);
    }

    private static int[][] indexByLayer(List<Parameter> parameters) {
        int layers = 0;
        for (Parameter parameter : parameters) {
            layers = Math.max(layers, parameter.layerIndex() + 1);
        }
        int[][] byLayer = new int[layers][];
        for (int layer = 0; layer < layers; layer++) {
            int index = layer;
            byLayer[layer] = java.util.stream.IntStream.range(0, parameters.size())
                    .filter(p -> parameters.get(p).layerIndex() == index).toArray();
        }
        return byLayer;
    }

    /**
     * Updates every parameter in place with {@code learningRate}, and records for each whether all its
     * values are still finite. Plain SGD finds that out in its update loop, so the divergence check needs
     * no extra pass over every weight. The other optimizers scan the values afterwards.
     */
    void step(double learningRate) {
        startStep();
        for (int p = 0; p < parameters.size(); p++) {
            update(p, learningRate);
        }
    }

    /**
     * Counts one step whose parameters {@link #stepLayerExceptWeights} then updates layer by layer.
     * Every layer must be updated once before the next step starts.
     */
    void startStep() {
        updates++;
        updateNormsPending = false;
    }

    /**
     * Updates the parameters of one layer except its weights, which plain SGD has already stepped
     * inside the weight-gradient product (see {@code Network.backwardWithWeightStep}); for the weights
     * it only records whether they are still finite.
     */
    void stepLayerExceptWeights(int layerIndex, double learningRate) {
        int[] indices = parametersByLayer[layerIndex];
        for (int i = 0; i < indices.length; i++) {
            int p = indices[i];
            if (parameters.get(p).name().equals("weights")) {
                NativeArray values = parameters.get(p).values();
                valuesFinite[p] = DivergenceCheck.allFinite(values, values.length());
                updateNormsPending = true;
                pendingLearningRate = learningRate;
            } else {
                update(p, learningRate);
            }
        }
    }

    private void update(int p, double learningRate) {
        Parameter parameter = parameters.get(p);
        NativeArray values = parameter.values();
        if (kind == OptimizerKind.SGD) {
            sgd(values, parameter.gradients(), learningRate, p);
            updateNormsPending = true;
            pendingLearningRate = learningRate;
        } else {
            updateNorms[p] = Math.sqrt(update(values, parameter.gradients(), first[p], second[p], learningRate));
            valuesFinite[p] = DivergenceCheck.allFinite(values, values.length());
        }
    }

    /** Returns whether every value of parameter {@code index} was finite after the last {@link #step}. */
    boolean valuesFinite(int index) {
        return valuesFinite[index];
    }

    /**
     * Returns whether every updated value of every parameter was finite after the last step. With plain
     * SGD that also means every gradient was finite, see {@link #sgd}. The other optimizers return
     * false, because their values can stay finite after a non-finite gradient.
     */
    boolean allFinite() {
        if (kind != OptimizerKind.SGD) {
            return false;
        }
        for (int p = 0; p < valuesFinite.length; p++) {
            if (!valuesFinite[p]) {
                return false;
            }
        }
        return true;
    }

    /** Updates one array and returns the sum of squared changes. */
    private double update(NativeArray values, NativeArray gradients, double[] first, double[] second, double learningRate) {
        return switch (kind) {
            case SGD -> throw new IllegalStateException("plain SGD is applied by step() directly");
            case MOMENTUM, NESTEROV -> momentum(values, gradients, first, learningRate);
            case ADAGRAD, RMSPROP -> adaptive(values, gradients, first, learningRate);
            case ADAM -> adam(values, gradients, first, second, learningRate);
        };
    }

    /**
     * θ ← θ − lr·g, recording whether every updated value of parameter {@code index} is finite. A
     * non-finite gradient always gives a non-finite value (lr·∞ and 0·∞ are infinite or NaN), so this
     * check also covers the gradients. {@code x - x} is 0 for every finite x and NaN for infinities and
     * NaN, so the check sum is 0 exactly when all values are finite. It runs in four partial sums, so
     * that consecutive additions do not wait for each other. The update norm is left to
     * {@link #settleUpdateNorms}, which most steps never need.
     */
    private void sgd(NativeArray values, NativeArray gradients, double learningRate, int index) {
        double check0 = 0;
        double check1 = 0;
        double check2 = 0;
        double check3 = 0;
        int count = values.length();
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            double value0 = values.get(i) + -learningRate * gradients.get(i);
            double value1 = values.get(i + 1) + -learningRate * gradients.get(i + 1);
            double value2 = values.get(i + 2) + -learningRate * gradients.get(i + 2);
            double value3 = values.get(i + 3) + -learningRate * gradients.get(i + 3);
            values.set(i, value0);
            values.set(i + 1, value1);
            values.set(i + 2, value2);
            values.set(i + 3, value3);
            check0 += value0 - value0;
            check1 += value1 - value1;
            check2 += value2 - value2;
            check3 += value3 - value3;
        }
        for (; i < count; i++) {
            double value = values.get(i) + -learningRate * gradients.get(i);
            values.set(i, value);
            check0 += value - value;
        }
        valuesFinite[index] = (check0 + check1) + (check2 + check3) == 0;
    }

    /**
     * Returns the sum of the squared SGD changes (−lr·g)², in four partial sums as the update loop once
     * took them, so the norms keep their bits.
     */
    private static double sgdSquares(NativeArray gradients, double learningRate) {
        double squares0 = 0;
        double squares1 = 0;
        double squares2 = 0;
        double squares3 = 0;
        int count = gradients.length();
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            double change0 = -learningRate * gradients.get(i);
            double change1 = -learningRate * gradients.get(i + 1);
            double change2 = -learningRate * gradients.get(i + 2);
            double change3 = -learningRate * gradients.get(i + 3);
            squares0 += change0 * change0;
            squares1 += change1 * change1;
            squares2 += change2 * change2;
            squares3 += change3 * change3;
        }
        for (; i < count; i++) {
            double change = -learningRate * gradients.get(i);
            squares0 += change * change;
        }
        return (squares0 + squares1) + (squares2 + squares3);
    }

    /**
     * Computes the update norms of the last plain SGD step from the gradients it applied, which stay in
     * the layers' gradient arrays until the next back-propagation. Callers that read the norms after
     * another backward pass (the statistics pass) must call this first.
     */
    void settleUpdateNorms() {
        if (!updateNormsPending) {
            return;
        }
        for (int p = 0; p < parameters.size(); p++) {
            updateNorms[p] = Math.sqrt(sgdSquares(parameters.get(p).gradients(), pendingLearningRate));
        }
        updateNormsPending = false;
    }

    /** v ← μv + g; momentum: θ ← θ − lr·v; Nesterov: θ ← θ − lr·(g + μv). */
    private double momentum(NativeArray values, NativeArray gradients, double[] velocity, double learningRate) {
        double mu = config.momentum();
        boolean nesterov = kind == OptimizerKind.NESTEROV;
        double squares = 0;
        for (int i = 0; i < values.length(); i++) {
            double g = gradients.get(i);
            velocity[i] = mu * velocity[i] + g;
            double direction = nesterov ? g + mu * velocity[i] : velocity[i];
            double change = -learningRate * direction;
            values.set(i, values.get(i) + change);
            squares += change * change;
        }
        return squares;
    }

    /** AdaGrad: s ← s + g²; RMSProp: s ← ρs + (1 − ρ)g²; then θ ← θ − lr·g / (√s + ε). */
    private double adaptive(NativeArray values, NativeArray gradients, double[] accumulated, double learningRate) {
        boolean adagrad = kind == OptimizerKind.ADAGRAD;
        double rho = config.rho();
        double epsilon = config.epsilon();
        double squares = 0;
        for (int i = 0; i < values.length(); i++) {
            double g = gradients.get(i);
            accumulated[i] = adagrad ? accumulated[i] + g * g : rho * accumulated[i] + (1 - rho) * g * g;
            double change = -learningRate * g / (Math.sqrt(accumulated[i]) + epsilon);
            values.set(i, values.get(i) + change);
            squares += change * change;
        }
        return squares;
    }

    /** m ← β1·m + (1 − β1)g; v ← β2·v + (1 − β2)g²; θ ← θ − lr·m̂ / (√v̂ + ε) with m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t). */
    private double adam(NativeArray values, NativeArray gradients, double[] m, double[] v, double learningRate) {
        double beta1 = config.beta1();
        double beta2 = config.beta2();
        double epsilon = config.epsilon();
        double firstCorrection = 1 - Math.pow(beta1, updates);
        double secondCorrection = 1 - Math.pow(beta2, updates);
        double squares = 0;
        for (int i = 0; i < values.length(); i++) {
            double g = gradients.get(i);
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            double mHat = m[i] / firstCorrection;
            double vHat = v[i] / secondCorrection;
            double change = -learningRate * mHat / (Math.sqrt(vHat) + epsilon);
            values.set(i, values.get(i) + change);
            squares += change * change;
        }
        return squares;
    }

    /** L2 norm of the last update of parameter {@code index} (in {@link Parameter} order). */
    double lastUpdateNorm(int index) {
        settleUpdateNorms();
        return updateNorms[index];
    }

    long updates() {
        return updates;
    }

    double[][] firstMoments() {
        return first;
    }

    double[][] secondMoments() {
        return second;
    }

    double[] updateNorms() {
        settleUpdateNorms();
        return updateNorms;
    }

    /** Restores state saved by {@link TrainerState}. */
    void restore(long savedUpdates, double[][] savedFirst, double[][] savedSecond, double[] savedUpdateNorms) {
        updates = savedUpdates;
        updateNormsPending = false;
        for (int p = 0; p < first.length; p++) {
            System.arraycopy(savedFirst[p], 0, first[p], 0, first[p].length);
            System.arraycopy(savedSecond[p], 0, second[p], 0, second[p].length);
        }
        System.arraycopy(savedUpdateNorms, 0, updateNorms, 0, updateNorms.length);
    }
}
