package dev.layerscope.data;

import java.util.Arrays;

/**
 * One split of a dataset (training or test), stored flat and row-major so that a batch is a
 * contiguous slice: sample {@code i} occupies {@code features[i * featureCount ... (i + 1) * featureCount)}.
 *
 * <p>{@code targets} holds {@code outputCount} values per sample: a one-hot row for classification,
 * the regression targets otherwise. {@code labels} holds the class index per sample for
 * classification and is empty for regression.
 */
public record Split(int sampleCount, int featureCount, double[] features, int outputCount, double[] targets, int[] labels) {

    public Split {
        if (sampleCount < 0 || featureCount < 1 || outputCount < 1) {
            throw new IllegalArgumentException("invalid split shape: sampleCount=" + sampleCount
                    + ", featureCount=" + featureCount + ", outputCount=" + outputCount);
        }
        if (features.length != sampleCount * featureCount) {
            throw new IllegalArgumentException("features has " + features.length + " values, expected "
                    + sampleCount + " x " + featureCount);
        }
        if (targets.length != sampleCount * outputCount) {
            throw new IllegalArgumentException("targets has " + targets.length + " values, expected "
                    + sampleCount + " x " + outputCount);
        }
        if (labels.length != 0 && labels.length != sampleCount) {
            throw new IllegalArgumentException("labels has " + labels.length + " values, expected 0 or " + sampleCount);
        }
    }

    /** Returns whether the samples carry class labels. */
    public boolean isClassification() {
        return labels.length == sampleCount && sampleCount > 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Split s && sampleCount == s.sampleCount && featureCount == s.featureCount
                && outputCount == s.outputCount && Arrays.equals(features, s.features)
                && Arrays.equals(targets, s.targets) && Arrays.equals(labels, s.labels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(features) * 31 + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "Split[" + sampleCount + " samples x " + featureCount + " features -> " + outputCount + " outputs]";
    }
}
