package dev.layerscope.data;

import java.util.List;

/**
 * A dataset ready for training: features already scaled, targets one-hot for classification.
 * Splits are shared read-only between sessions, so no code may write into their arrays.
 *
 * @param name       short identifier, for example {@code "mnist"} or {@code "spirals"}
 * @param source     where the data comes from, for the page and exports
 * @param licence    the data's licence, or {@code "generated"} for synthetic sets
 * @param classNames one name per class, empty for regression
 * @param imageShape {@code [height, width]} when each sample is a grey image, empty otherwise
 */
public record Dataset(String name, String source, String licence, List<String> classNames, int[] imageShape,
                      Split train, Split test) {

    public Dataset {
        classNames = List.copyOf(classNames);
        imageShape = imageShape.clone();
        if (train.featureCount() != test.featureCount() || train.outputCount() != test.outputCount()) {
            throw new IllegalArgumentException("train and test splits of '" + name + "' differ in shape: "
                    + train + " vs " + test);
        }
    }

    public int featureCount() {
        return train.featureCount();
    }

    public int outputCount() {
        return train.outputCount();
    }

    public boolean isClassification() {
        return !classNames.isEmpty();
    }

    @Override
    public int[] imageShape() {
        return imageShape.clone();
    }
}
