package dev.layerscope.data;

import java.util.List;

/**
 * A dataset's description with its sizes, for listing datasets on the page.
 *
 * @param name         identifier used in configurations, for example {@code "mnist"}
 * @param title        human-readable name
 * @param source       authors and origin of the data
 * @param licence      the data's licence
 * @param trainSamples number of training samples
 * @param testSamples  number of test samples
 * @param features     number of input features per sample (784 for 28x28 images)
 * @param classNames   one name per class, in label order
 * @param imageShape   {@code [height, width]} for grey images, empty otherwise
 */
public record DatasetInfo(String name, String title, String source, String licence, int trainSamples,
                          int testSamples, int features, List<String> classNames, int[] imageShape) {

    public DatasetInfo {
        classNames = List.copyOf(classNames);
        imageShape = imageShape.clone();
    }

    /** Describes a loaded dataset. */
    public static DatasetInfo of(Dataset dataset, String title) {
        return new DatasetInfo(dataset.name(), title, dataset.source(), dataset.licence(),
                dataset.train().sampleCount(), dataset.test().sampleCount(), dataset.featureCount(),
                dataset.classNames(), dataset.imageShape());
    }

    public int classCount() {
        return classNames.size();
    }

    @Override
    public int[] imageShape() {
        return imageShape.clone();
    }
}
