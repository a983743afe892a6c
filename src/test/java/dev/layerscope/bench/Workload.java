package dev.layerscope.bench;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Split;
import dev.layerscope.math.RandomStream;

import java.util.ArrayList;
import java.util.List;

/**
 * One reference workload: {@code inputs -> depth x width ReLU -> classes}, softmax cross-entropy,
 * plain SGD with learning rate 0.01, trained on {@code samples} random N(0, 1) inputs with uniform
 * random labels, the same task the PyTorch and numpy peers time.
 */
record Workload(String name, int inputs, int width, int depth, int classes, int batchSize) {

    static final int SAMPLES = 10_000;
    static final double LEARNING_RATE = 0.01;

    /** MNIST-sized and bound by matrix products. */
    static final Workload A = new Workload("a", 784, 256, 10, 10, 64);
    /** Tiny and bound by per-step overhead. */
    static final Workload B = new Workload("b", 2, 16, 8, 2, 32);

    static Workload named(String name) {
        return switch (name) {
            case "a" -> A;
            case "b" -> B;
            default -> throw new IllegalArgumentException("unknown workload '" + name + "': use a or b");
        };
    }

    /** Returns the configuration: He-normal weights, zero biases, default statistics settings. */
    RunConfig config(int epochs) {
        String json = """
                {"name": "bench-%s", "seed": 1,
                 "network": {"depth": %d, "width": %d, "activation": "relu",
                             "init": {"kind": "he-normal"}, "loss": "softmax-cross-entropy"},
                 "training": {"optimizer": "sgd", "learningRate": %s, "batchSize": %d, "epochs": %d}}
                """.formatted(name, depth, width, LEARNING_RATE, batchSize, epochs);
        return RunConfig.fromJson(json);
    }

    /**
     * Returns {@link #SAMPLES} training samples with N(0, 1) features and uniform labels, and an empty
     * test split, so the statistics score the training split only.
     */
    Dataset dataset(long seed) {
        RandomStream random = new RandomStream(seed);
        double[] features = new double[SAMPLES * inputs];
        for (int i = 0; i < features.length; i++) {
            features[i] = random.nextGaussian();
        }
        int[] labels = new int[SAMPLES];
        double[] targets = new double[SAMPLES * classes];
        for (int i = 0; i < SAMPLES; i++) {
            labels[i] = random.nextInt(classes);
            targets[i * classes + labels[i]] = 1.0;
        }
        Split train = new Split(SAMPLES, inputs, features, classes, targets, labels);
        Split test = new Split(0, inputs, new double[0], classes, new double[0], new int[0]);
        List<String> classNames = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            classNames.add("class " + k);
        }
        return new Dataset("random-normal", "generated N(0, 1) inputs", "generated", classNames, new int[0], train, test);
    }

    /**
     * Floating-point operations of one training step per sample, counting a multiply-add as two: the
     * forward products (2W), the weight gradients (2W) and the input gradients of every layer but the
     * first (2W minus the first layer's weights), where W is the number of weights.
     */
    double flopsPerSample() {
        double firstLayer = (double) inputs * width;
        double weights = firstLayer + (double) (depth - 1) * width * width + (double) width * classes;
        return 6 * weights - 2 * firstLayer;
    }
}
