package dev.layerscope.data;

/**
 * The dataset to train on and how to generate, cut or scale it. Synthetic sets read
 * {@code samples}, {@code noise}, {@code testFraction} and {@code arms} and are used as generated.
 * Bundled real sets read {@code scaling}; MNIST, Fashion-MNIST, digits and letters have a fixed
 * split, while the iris, wine and breast-cancer tables are split by {@code testFraction} and the seed.
 *
 * @param dataset      registry name, one of {@link Datasets#names()}
 * @param samples      samples to generate (train and test together), {@value #MIN_SAMPLES} to {@value #MAX_SAMPLES}
 * @param noise        standard deviation of the Gaussian noise added to each coordinate, in data units
 *                     (synthetic points lie roughly in [-1, 1]), 0 to {@value #MAX_NOISE}
 * @param testFraction fraction of the samples held out for testing, {@value #MIN_TEST_FRACTION} to
 *                     {@value #MAX_TEST_FRACTION}
 * @param arms         number of spiral arms, one class each, {@value #MIN_ARMS} to {@value #MAX_ARMS}
 *                     (spirals only)
 * @param scaling      how real datasets rescale their features, fitted on the training split
 * @param directory    empty, or a folder with the complete MNIST-style IDX files of {@code dataset}
 *                     (mnist or fashion-mnist only); a path on the machine that trains, so only
 *                     headless runs and the operator may set it
 */
public record DataSpec(String dataset, int samples, double noise, double testFraction, int arms, Scaling scaling,
                       String directory) {

    public static final int MIN_SAMPLES = 10;
    public static final int MAX_SAMPLES = 100_000;
    public static final double MAX_NOISE = 2.0;
    public static final double MIN_TEST_FRACTION = 0.05;
    public static final double MAX_TEST_FRACTION = 0.9;
    public static final int MIN_ARMS = 2;
    public static final int MAX_ARMS = 8;

    public static final int DEFAULT_SAMPLES = 1000;
    public static final double DEFAULT_NOISE = 0.1;
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    public static final int DEFAULT_ARMS = 2;

    public DataSpec {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalArgumentException("dataset name is missing");
        }
        requireRange("samples", samples, MIN_SAMPLES, MAX_SAMPLES);
        requireRange("noise", noise, 0.0, MAX_NOISE);
        requireRange("testFraction", testFraction, MIN_TEST_FRACTION, MAX_TEST_FRACTION);
        requireRange("arms", arms, MIN_ARMS, MAX_ARMS);
        if (scaling == null || directory == null) {
            throw new IllegalArgumentException("data.scaling and data.directory must not be null");
        }
        if (!directory.isEmpty() && !BundledDatasets.supportsDirectory(dataset)) {
            throw new IllegalArgumentException("data.directory is set but dataset " + dataset
                    + " cannot be read from a folder; allowed: mnist, fashion-mnist");
        }
    }

    /** Creates a specification with unit-range scaling and the bundled files. */
    public DataSpec(String dataset, int samples, double noise, double testFraction, int arms) {
        this(dataset, samples, noise, testFraction, arms, Scaling.UNIT_RANGE, "");
    }

    /** Returns a specification of {@code dataset} with every other field at its default. */
    public static DataSpec of(String dataset) {
        return new DataSpec(dataset, DEFAULT_SAMPLES, DEFAULT_NOISE, DEFAULT_TEST_FRACTION, DEFAULT_ARMS);
    }

    public DataSpec withSamples(int newSamples) {
        return new DataSpec(dataset, newSamples, noise, testFraction, arms, scaling, directory);
    }

    public DataSpec withNoise(double newNoise) {
        return new DataSpec(dataset, samples, newNoise, testFraction, arms, scaling, directory);
    }

    public DataSpec withScaling(Scaling newScaling) {
        return new DataSpec(dataset, samples, noise, testFraction, arms, newScaling, directory);
    }

    private static void requireRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("data." + field + " is " + value + ", allowed " + min + " to " + max);
        }
    }
}
