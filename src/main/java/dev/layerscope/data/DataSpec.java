package dev.layerscope.data;

/**
 * Which dataset to train on and how to generate or cut it. Synthetic sets use every field; a
 * bundled dataset reads only {@code dataset}, {@code samples} and {@code testFraction}.
 *
 * @param dataset      registry name, one of {@link Datasets#names()}
 * @param samples      samples to generate (train and test together), {@value #MIN_SAMPLES} to {@value #MAX_SAMPLES}
 * @param noise        standard deviation of the Gaussian noise added to each coordinate, in data units
 *                     (synthetic points lie roughly in [-1, 1]), 0 to {@value #MAX_NOISE}
 * @param testFraction fraction of the samples held out for testing, {@value #MIN_TEST_FRACTION} to
 *                     {@value #MAX_TEST_FRACTION}
 * @param arms         number of spiral arms, one class each, {@value #MIN_ARMS} to {@value #MAX_ARMS}
 *                     (spirals only)
 */
public record DataSpec(String dataset, int samples, double noise, double testFraction, int arms) {

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
    }

    /** Returns a specification of {@code dataset} with every other field at its default. */
    public static DataSpec of(String dataset) {
        return new DataSpec(dataset, DEFAULT_SAMPLES, DEFAULT_NOISE, DEFAULT_TEST_FRACTION, DEFAULT_ARMS);
    }

    public DataSpec withSamples(int newSamples) {
        return new DataSpec(dataset, newSamples, noise, testFraction, arms);
    }

    public DataSpec withNoise(double newNoise) {
        return new DataSpec(dataset, samples, newNoise, testFraction, arms);
    }

    private static void requireRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("data." + field + " is " + value + ", allowed " + min + " to " + max);
        }
    }
}
