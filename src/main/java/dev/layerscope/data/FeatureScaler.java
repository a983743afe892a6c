package dev.layerscope.data;

import java.util.Arrays;

/**
 * A per-feature affine map {@code x' = (x - offset) / scale}, fitted on a training split and then
 * applied unchanged to every split, so no statistic of the test split leaks into training.
 */
public record FeatureScaler(double[] offsets, double[] scales) {

    public FeatureScaler {
        if (offsets.length != scales.length) {
            throw new IllegalArgumentException(offsets.length + " offsets but " + scales.length + " scales");
        }
        offsets = offsets.clone();
        scales = scales.clone();
    }

    /**
     * Fits the scaler that {@code scaling} names on {@code trainFeatures} (row-major, {@code featureCount}
     * per sample). {@code formatMaximum} is the largest value the format allows (255 for 8-bit pixels),
     * or {@code NaN} when the range must be fitted per column.
     */
    public static FeatureScaler fit(Scaling scaling, double[] trainFeatures, int featureCount, double formatMaximum) {
        return switch (scaling) {
            case NONE -> fixed(featureCount, 0.0, 1.0);
            case UNIT_RANGE -> Double.isNaN(formatMaximum)
                    ? fitMinMax(trainFeatures, featureCount)
                    : fixed(featureCount, 0.0, formatMaximum);
            case STANDARDIZE -> fitStandardize(trainFeatures, featureCount);
        };
    }

    private static FeatureScaler fixed(int featureCount, double offset, double scale) {
        double[] offsets = new double[featureCount];
        double[] scales = new double[featureCount];
        Arrays.fill(offsets, offset);
        Arrays.fill(scales, scale);
        return new FeatureScaler(offsets, scales);
    }

    /** Maps each column's training minimum to 0 and maximum to 1; a constant column maps to 0. */
    static FeatureScaler fitMinMax(double[] features, int featureCount) {
        double[] minimum = new double[featureCount];
        double[] maximum = new double[featureCount];
        Arrays.fill(minimum, Double.POSITIVE_INFINITY);
        Arrays.fill(maximum, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < features.length; i++) {
            int column = i % featureCount;
            minimum[column] = Math.min(minimum[column], features[i]);
            maximum[column] = Math.max(maximum[column], features[i]);
        }
        double[] scales = new double[featureCount];
        for (int column = 0; column < featureCount; column++) {
            double range = maximum[column] - minimum[column];
            scales[column] = range > 0 ? range : 1.0;
        }
        return new FeatureScaler(minimum, scales);
    }

    /** Uses each column's training mean and population standard deviation; a constant column maps to 0. */
    static FeatureScaler fitStandardize(double[] features, int featureCount) {
        int sampleCount = features.length / featureCount;
        double[] mean = new double[featureCount];
        for (int i = 0; i < features.length; i++) {
            mean[i % featureCount] += features[i] / sampleCount;
        }
        double[] variance = new double[featureCount];
        for (int i = 0; i < features.length; i++) {
            double deviation = features[i] - mean[i % featureCount];
            variance[i % featureCount] += deviation * deviation / sampleCount;
        }
        double[] scales = new double[featureCount];
        for (int column = 0; column < featureCount; column++) {
            scales[column] = variance[column] > 0 ? Math.sqrt(variance[column]) : 1.0;
        }
        return new FeatureScaler(mean, scales);
    }

    /** Rescales {@code features} (row-major, one value per feature per sample) in place. */
    public void applyInPlace(double[] features) {
        int featureCount = offsets.length;
        for (int i = 0; i < features.length; i++) {
            int column = i % featureCount;
            features[i] = (features[i] - offsets[column]) / scales[column];
        }
    }

    @Override
    public double[] offsets() {
        return offsets.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }
}
