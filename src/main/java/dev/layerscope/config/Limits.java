package dev.layerscope.config;

import dev.layerscope.data.DataSpec;

/** The allowed range of every numeric setting, named by its JSON path. */
final class Limits {

    static final Range SAMPLES = Range.closed("data.samples", DataSpec.MIN_SAMPLES, DataSpec.MAX_SAMPLES);
    static final Range NOISE = Range.closed("data.noise", 0, DataSpec.MAX_NOISE);
    static final Range TEST_FRACTION = Range.closed("data.testFraction", DataSpec.MIN_TEST_FRACTION, DataSpec.MAX_TEST_FRACTION);
    static final Range ARMS = Range.closed("data.arms", DataSpec.MIN_ARMS, DataSpec.MAX_ARMS);

    static final Range DEPTH = Range.closed("network.depth", 1, 64);
    static final Range WIDTH = Range.closed("network.width", 1, 1024);
    static final Range LEAKY_SLOPE = Range.closed("network.leakySlope", 0, 1);
    static final Range DROPOUT = Range.closed("network.dropout", 0, 0.9);
    static final Range SIGMA = Range.aboveZero("network.init.sigma", 100);
    static final Range LIMIT = Range.aboveZero("network.init.limit", 100);
    static final Range GAIN = Range.closed("network.init.gain", 0, 100);
    static final Range BIAS = Range.closed("network.init.bias", -10, 10);

    static final Range LEARNING_RATE = Range.aboveZero("training.learningRate", 1000);
    static final Range MOMENTUM = Range.closed("training.momentum", 0, 0.999);
    static final Range BETA1 = Range.closed("training.beta1", 0, 0.9999);
    static final Range BETA2 = Range.closed("training.beta2", 0, 0.9999);
    static final Range RHO = Range.closed("training.rho", 0, 0.9999);
    static final Range EPSILON = Range.aboveZero("training.epsilon", 1);
    static final Range BATCH_SIZE = Range.closed("training.batchSize", 1, 4096);
    static final Range EPOCHS = Range.closed("training.epochs", 1, 10_000);
    static final Range WEIGHT_DECAY = Range.closed("training.weightDecay", 0, 1);
    static final Range CLIP_NORM = Range.closed("training.clipNorm", 0, 1e6);
    static final Range CLIP_VALUE = Range.closed("training.clipValue", 0, 1e6);
    static final Range STEP_EPOCHS = Range.closed("training.schedule.stepEpochs", 1, 10_000);
    static final Range GAMMA = Range.aboveZero("training.schedule.gamma", 1);
    static final Range MIN_LEARNING_RATE = Range.closed("training.schedule.minLearningRate", 0, 1000);

    static final Range EVAL_SAMPLES = Range.closed("stats.evalSamples", 1, 4096);
    static final Range HISTOGRAM_BINS = Range.closed("stats.histogramBins", 2, 200);
    static final Range EVERY_STEPS = Range.closed("stats.everySteps", 0, 1_000_000);
    static final Range UNIT_SAMPLE = Range.closed("stats.unitSample", 1, 1024);

    private Limits() {
    }
}
