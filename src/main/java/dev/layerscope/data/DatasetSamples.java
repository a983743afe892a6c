package dev.layerscope.data;

import java.util.ArrayList;
import java.util.List;

/** Picks a few samples of a dataset for the page to show, for example one image of each class. */
public final class DatasetSamples {

    /**
     * One sample as stored in the dataset, after scaling: with unit-range scaling an image's pixels
     * lie in [0, 1], row-major in {@link Dataset#imageShape()}.
     *
     * @param index     the sample's index in the test split
     * @param label     the class index
     * @param className the class name
     * @param features  a copy of the sample's features
     */
    public record Sample(int index, int label, String className, double[] features) {

        public Sample {
            features = features.clone();
        }

        @Override
        public double[] features() {
            return features.clone();
        }
    }

    private DatasetSamples() {
    }

    /**
     * Returns the first {@code perClass} test samples of each class, in split order. A class with
     * fewer test samples contributes what it has.
     */
    public static List<Sample> firstOfEachClass(Dataset dataset, int perClass) {
        if (perClass < 1 || !dataset.isClassification()) {
            throw new IllegalArgumentException("invalid request of " + perClass + " samples per class from "
                    + dataset.name() + "; allowed: at least 1, from a classification dataset");
        }
        Split test = dataset.test();
        int featureCount = test.featureCount();
        int[] taken = new int[dataset.classNames().size()];
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < test.sampleCount(); i++) {
            int label = test.labels()[i];
            if (taken[label] < perClass) {
                taken[label]++;
                double[] features = new double[featureCount];
                System.arraycopy(test.features(), i * featureCount, features, 0, featureCount);
                samples.add(new Sample(i, label, dataset.classNames().get(label), features));
            }
        }
        return samples;
    }
}
