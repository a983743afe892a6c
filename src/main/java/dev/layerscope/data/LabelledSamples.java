package dev.layerscope.data;

/**
 * Unscaled samples with class labels, before they become a {@link Split}: features row-major,
 * {@code featureCount} per sample, and one class index per sample.
 */
public record LabelledSamples(double[] features, int featureCount, int[] labels) {

    public LabelledSamples {
        if (featureCount < 1 || features.length != (long) labels.length * featureCount) {
            throw new IllegalArgumentException(features.length + " feature values do not make " + labels.length
                    + " samples of " + featureCount + " features");
        }
    }

    public int sampleCount() {
        return labels.length;
    }

    /** Counts the samples of each class; labels must lie in {@code [0, classCount)}. */
    public int[] classCounts(int classCount) {
        int[] counts = new int[classCount];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /**
     * Builds a classification split: features rescaled in place by {@code scaler} (so this object
     * must not be used afterwards) and one-hot targets over {@code classCount} classes.
     */
    public Split toSplitScalingInPlace(FeatureScaler scaler, int classCount) {
        scaler.applyInPlace(features);
        double[] targets = new double[labels.length * classCount];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classCount) {
                throw new IllegalArgumentException("label " + labels[i] + " of sample " + i + " is outside [0, "
                        + classCount + ")");
            }
            targets[i * classCount + labels[i]] = 1.0;
        }
        return new Split(labels.length, featureCount, features, classCount, targets, labels.clone());
    }

    /**
     * Scales both splits with a scaler fitted on {@code train} only and returns them as a dataset.
     * Both objects are rescaled in place and must not be used afterwards.
     */
    public static Dataset toDataset(DatasetDescription description, LabelledSamples train, LabelledSamples test,
                                    Scaling scaling, double formatMaximum) {
        FeatureScaler scaler = FeatureScaler.fit(scaling, train.features, train.featureCount, formatMaximum);
        int classCount = description.classNames().size();
        Split trainSplit = train.toSplitScalingInPlace(scaler, classCount);
        Split testSplit = test.toSplitScalingInPlace(scaler, classCount);
        return new Dataset(description.name(), description.source(), description.licence(),
                description.classNames(), description.imageShape(), trainSplit, testSplit);
    }
}
