package dev.layerscope.training;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.config.OptimizerKind;
import dev.layerscope.config.RunConfig;
import dev.layerscope.config.TrainingConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.math.NativeArray;
import dev.layerscope.math.RandomStream;
import dev.layerscope.network.Loss;
import dev.layerscope.network.Network;
import dev.layerscope.network.NetworkSpec;
import dev.layerscope.stats.DecisionGrid;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.stats.VariancePrediction;

import java.util.function.IntConsumer;

/**
 * Trains one network on one dataset, step by step, and takes statistics snapshots. Owned by one thread
 * at a time; not thread-safe. After a {@link DivergedException} the trainer is finished and unusable.
 *
 * <p>Each purpose draws from its own stream derived from the run seed, so the same configuration and
 * seed give bit-identical results (apart from {@code samplesPerSecond}, which is measured).
 */
public final class Trainer {

    static final long INIT_STREAM = 1;
    static final long SHUFFLE_STREAM = 2;
    static final long DROPOUT_STREAM = 3;
    static final long EVALUATION_STREAM = 4;
    /** Largest side of a {@link #decisionGrid}: 256 x 256 cells. */
    public static final int MAX_GRID_RESOLUTION = 256;

    private final RunConfig config;
    private final Dataset dataset;
    private final Network network;
    private final Optimizer optimizer;
    private final LearningRateSchedule schedule;
    private final StatisticsPass statistics;
    private final Evaluation evaluation;
    private final RandomStream shuffleRandom;
    private final int trainCount;
    private final int batchSize;
    private final int stepsPerEpoch;
    private final int[] order;
    private final NativeArray batchInput;
    private final double[] batchTargets;
    private final boolean updatesDuringBackward;
    private final IntConsumer updateLayer;
    private double stepLearningRate;

    private int epoch;
    private long step;
    private int batchInEpoch;
    private double baseLearningRate;
    private double lastLearningRate;
    private boolean diverged;
    private long epochNanos;
    private long epochSamples;

    /**
     * Builds the network, draws its weights and the evaluation batch; trains nothing yet.
     *
     * @throws ConfigException when the configuration does not fit the dataset (cross-entropy on regression targets)
     * @throws IllegalArgumentException when the dataset has no training samples
     */
    public Trainer(RunConfig config, Dataset dataset) {
        this.config = config;
        this.dataset = dataset;
        requireCompatible(config, dataset);
        TrainingConfig training = config.training();
        trainCount = dataset.train().sampleCount();
        batchSize = Math.min(training.batchSize(), trainCount);
        stepsPerEpoch = (trainCount + batchSize - 1) / batchSize;
        int evalRows = Math.min(config.stats().evalSamples(), trainCount);
        int maxRows = Math.max(batchSize, evalRows);
        NetworkSpec spec = config.network().toSpec(dataset.featureCount(), dataset.outputCount());
        long seed = config.seed();
        network = new Network(spec, maxRows, RandomStream.derive(seed, INIT_STREAM), RandomStream.derive(seed, DROPOUT_STREAM));
        optimizer = new Optimizer(training, network.parameters());
        schedule = new LearningRateSchedule(training.schedule(), training.epochs());
        shuffleRandom = RandomStream.derive(seed, SHUFFLE_STREAM);
        evaluation = new Evaluation(network, dataset.train(), dataset.test(), config.stats().evalSamples(),
                RandomStream.derive(seed, EVALUATION_STREAM));
        double[] predicted = VariancePrediction.predict(spec, evaluation.inputSecondMoment());
        statistics = new StatisticsPass(network, evaluation, config.stats().histogramBins(), config.stats().unitSample(), predicted);
        order = new int[trainCount];
        for (int i = 0; i < trainCount; i++) {
            order[i] = i;
        }
        batchInput = new NativeArray(batchSize * dataset.featureCount());
        batchTargets = new double[batchSize * dataset.outputCount()];
        baseLearningRate = training.learningRate();
        lastLearningRate = schedule.learningRate(baseLearningRate, 0);
        updatesDuringBackward = training.optimizer() == OptimizerKind.SGD && training.weightDecay() == 0
                && training.clipValue() == 0 && training.clipNorm() == 0;
        updateLayer = layerIndex -> optimizer.stepLayerExceptWeights(layerIndex, stepLearningRate);
    }

    private static void requireCompatible(RunConfig config, Dataset dataset) {
        if (dataset.train().sampleCount() < 1) {
            throw new IllegalArgumentException("dataset '" + dataset.name() + "' has no training samples");
        }
        if (config.network().loss() == Loss.SOFTMAX_CROSS_ENTROPY && !dataset.isClassification()) {
            throw new ConfigException(new FieldError("network.loss", "\"softmax-cross-entropy\"",
                    "mse, because dataset '" + dataset.name() + "' has regression targets, not classes"));
        }
    }

    /**
     * Estimates the memory, in bytes, that a trainer for {@code config} on {@code dataset} allocates beyond
     * the dataset: parameters, gradients, optimizer state and per-sample buffers. A caller can refuse a run
     * with it before allocating anything. For scale, the per-sample buffers of a 64 x 1,024 network with
     * 256 evaluation samples take about 0.5 GB.
     */
    public static long estimateMemoryBytes(RunConfig config, Dataset dataset) {
        return MemoryEstimate.bytes(config, dataset.featureCount(), dataset.outputCount(), dataset.train().sampleCount());
    }

    /** Restores a trainer from a state saved by {@link #saveState()} with the same configuration and dataset. */
    public static Trainer restore(RunConfig config, Dataset dataset, TrainerState state) {
        Trainer trainer = new Trainer(config, dataset);
        TrainerStates.apply(trainer, state);
        return trainer;
    }

    /**
     * Returns statistics of the network as it is now. Called before the first step, as intended, these
     * are the statistics at initialization (epoch 0, step 0).
     */
    public EpochStats initialStats() {
        requireUsable();
        return snapshot();
    }

    /**
     * Performs one optimizer step on the next mini-batch. The step shuffles at the start of an epoch,
     * runs forward and backward, applies weight decay and clipping, updates the parameters, checks for
     * divergence and takes statistics when they are due.
     *
     * @throws DivergedException when a loss, activation, gradient or weight became NaN or infinite
     * @throws IllegalStateException when the trainer has finished
     */
    public StepResult trainBatch() {
        requireUsable();
        long started = System.nanoTime();
        if (batchInEpoch == 0) {
            shuffleRandom.shuffle(order);
        }
        int from = batchInEpoch * batchSize;
        int rows = Math.min(batchSize, trainCount - from);
        Batches.gather(dataset.train(), order, from, rows, batchInput, batchTargets);
        double learningRate = schedule.learningRate(baseLearningRate, (double) step / stepsPerEpoch);

        double loss = update(rows, learningRate);

        step++;
        batchInEpoch++;
        lastLearningRate = learningRate;
        epochSamples += rows;
        epochNanos += System.nanoTime() - started;
        boolean epochFinished = batchInEpoch == stepsPerEpoch;
        if (epochFinished) {
            epoch++;
            batchInEpoch = 0;
        }
        int everySteps = config.stats().everySteps();
        boolean due = epochFinished || (everySteps > 0 && step % everySteps == 0);
        EpochStats stats = due ? snapshot() : null;
        if (epochFinished) {
            epochNanos = 0;
            epochSamples = 0;
        }
        return new StepResult(step, epoch, loss, epochFinished, stats);
    }

    /** Runs forward and backward on the gathered batch, adjusts the gradients and updates; returns the batch loss. */
    private double update(int rows, double learningRate) {
        if (updatesDuringBackward) {
            return updateDuringBackward(rows, learningRate);
        }
        network.forward(batchInput, rows, Network.Mode.TRAIN);
        double loss = network.backward(batchTargets);
        check(DivergenceCheck.afterBackward(network, rows, loss, step + 1, epoch, learningRate));

        TrainingConfig training = config.training();
        GradientAdjustment.addWeightDecay(network.parameters(), training.weightDecay());
        GradientAdjustment.clipByValue(network.parameters(), training.clipValue());
        GradientAdjustment.clipByGlobalNorm(network.parameters(), training.clipNorm());
        optimizer.step(learningRate);
        check(DivergenceCheck.afterUpdate(network, optimizer, step + 1, epoch, learningRate));
        return loss;
    }

    /**
     * Back-propagates and updates each layer as soon as back-propagation has finished with it: for
     * plain SGD without weight decay or clipping, which need no gradient of another layer. The weights
     * take their step inside the weight-gradient product, which saves writing and reading back every
     * weight gradient; OpenBLAS may round that step once where the separate update rounds twice. The
     * optimizer then updates the other parameters and checks every new value, which is not finite
     * whenever its gradient was not, so the divergence check rescans the buffers only when something
     * was not finite, and then names the same quantity as after a separate update. The parameters of
     * a diverged step are updated anyway, but the trainer refuses every later step.
     */
    private double updateDuringBackward(int rows, double learningRate) {
        stepLearningRate = learningRate;
        // Starting the step first drops the update norms still pending from the last one, whose
        // gradients the training forward pass discards.
        optimizer.startStep();
        network.forward(batchInput, rows, Network.Mode.TRAIN);
        double loss = network.backwardWithWeightStep(batchTargets, learningRate, updateLayer);
        if (Double.isFinite(loss) && optimizer.allFinite()) {
            return loss;
        }
        network.recomputeWeightGradients();
        check(DivergenceCheck.afterBackward(network, rows, loss, step + 1, epoch, learningRate));
        check(DivergenceCheck.afterUpdate(network, optimizer, step + 1, epoch, learningRate));
        return loss;
    }

    /** Trains the rest of the current epoch and returns its statistics. */
    public EpochStats trainEpoch() {
        while (true) {
            StepResult result = trainBatch();
            if (result.epochFinished()) {
                return result.stats();
            }
        }
    }

    private EpochStats snapshot() {
        double samplesPerSecond = epochNanos > 0 ? epochSamples * 1e9 / epochNanos : 0.0;
        return statistics.collect(epoch, step, lastLearningRate, samplesPerSecond, optimizer, step > 0);
    }

    private void check(Divergence divergence) {
        if (divergence != null) {
            diverged = true;
            throw new DivergedException(divergence);
        }
    }

    private void requireUsable() {
        if (diverged) {
            throw new IllegalStateException("training diverged; create a new trainer to start again");
        }
        if (finished()) {
            throw new IllegalStateException("training finished after " + epoch + " epochs");
        }
    }

    /**
     * Returns the network's predictions for {@code rows} inputs ({@code rows x featureCount}, row-major):
     * {@code rows x outputCount} class probabilities, or outputs for MSE. Uses inference mode (running
     * batch-normalization averages, no dropout) and changes no training state.
     */
    public double[] predict(double[] features, int rows) {
        int featureCount = dataset.featureCount();
        if (rows < 0 || features.length < rows * featureCount) {
            throw new IllegalArgumentException(rows + " rows need " + rows * featureCount + " feature values, got "
                    + features.length);
        }
        double[] predictions = new double[rows * dataset.outputCount()];
        evaluation.predict(features, rows, predictions);
        return predictions;
    }

    /**
     * Returns the predicted class on a {@code resolution x resolution} grid spanning the training inputs
     * with a margin on each side, for classification datasets with exactly two features.
     *
     * @throws IllegalStateException when the dataset does not have two features or is not a classification set
     */
    public DecisionGrid decisionGrid(int resolution) {
        if (dataset.featureCount() != 2 || !dataset.isClassification()) {
            throw new IllegalStateException("a decision grid needs a classification dataset with 2 features; '"
                    + dataset.name() + "' has " + dataset.featureCount());
        }
        if (resolution < 1 || resolution > MAX_GRID_RESOLUTION) {
            throw new IllegalArgumentException("grid resolution must be 1 to " + MAX_GRID_RESOLUTION + ", got " + resolution);
        }
        return DecisionGrids.compute(this, dataset.train(), resolution);
    }

    /**
     * Sets the base learning rate; the schedule applies to it from the next step on, and optimizer state
     * is kept.
     *
     * @throws dev.layerscope.config.ConfigException naming {@code training.learningRate} when the value
     *                                               is outside the range a configuration allows
     */
    public void setLearningRate(double learningRate) {
        config.withLearningRate(learningRate);
        baseLearningRate = learningRate;
    }

    public double learningRate() {
        return baseLearningRate;
    }

    public int epoch() {
        return epoch;
    }

    public long step() {
        return step;
    }

    public RunConfig config() {
        return config;
    }

    public boolean diverged() {
        return diverged;
    }

    /** Returns whether every configured epoch has run or the run diverged. */
    public boolean finished() {
        return diverged || epoch >= config.training().epochs();
    }

    /** Returns a deep copy of the trainer's state. */
    public TrainerState saveState() {
        return TrainerStates.capture(this);
    }

    Network network() {
        return network;
    }

    Optimizer optimizer() {
        return optimizer;
    }

    int[] order() {
        return order;
    }

    RandomStream shuffleRandom() {
        return shuffleRandom;
    }

    int batchInEpoch() {
        return batchInEpoch;
    }

    double lastLearningRate() {
        return lastLearningRate;
    }

    void restoreCounters(int savedEpoch, long savedStep, int savedBatchInEpoch, double savedBase, double savedLast) {
        epoch = savedEpoch;
        step = savedStep;
        batchInEpoch = savedBatchInEpoch;
        baseLearningRate = savedBase;
        lastLearningRate = savedLast;
    }
}
