package dev.layerscope.data;

import java.util.List;

/**
 * The metadata of a dataset, known before its data is loaded.
 *
 * @param name       identifier used in configurations, for example {@code "fashion-mnist"}
 * @param title      human-readable name for the page, for example {@code "Fashion-MNIST"}
 * @param source     authors and origin of the data
 * @param licence    the data's licence
 * @param classNames one name per class, in label order
 * @param imageShape {@code [height, width]} for grey images, empty otherwise
 */
public record DatasetDescription(String name, String title, String source, String licence, List<String> classNames,
                                 int[] imageShape) {

    public DatasetDescription {
        classNames = List.copyOf(classNames);
        imageShape = imageShape.clone();
    }

    @Override
    public int[] imageShape() {
        return imageShape.clone();
    }
}
