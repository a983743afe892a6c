package dev.layerscope.session;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.DatasetSamples;
import dev.layerscope.data.Datasets;
import dev.layerscope.data.Scaling;
import dev.layerscope.training.Trainer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Scores a fixed set of held-out images of an image dataset: the first {@value #PER_CLASS} test
 * images of each class, ordered by class, at most {@value #MAX_IMAGES}. The same configuration
 * always shows the same images, so a page shows how the predictions on them change epoch by epoch.
 */
final class SampleImages {

    static final int PER_CLASS = 2;
    static final int MAX_IMAGES = 24;
    /**
     * Pixels per prediction frame: 24 images of 28 x 28. Larger images come in smaller numbers, so the
     * frame stays under 64 KB whatever the image shape (docs/protocol.md has the arithmetic).
     */
    static final int MAX_PIXELS = MAX_IMAGES * 28 * 28;
    private static final int MAX_GREY_LEVEL = 255;

    private SampleImages() {
    }

    /**
     * Returns the sample images with the trainer's current predictions, or null when one image alone
     * is over the pixel budget. Call it on the trainer's thread, as every use of the trainer.
     */
    static Prediction.Samples score(Trainer trainer, Dataset dataset) {
        int[] shape = dataset.imageShape();
        int imagePixels = shape[0] * shape[1];
        // NOTE: no bundled image set is over the budget, but a larger one would show no sample images.
        int limit = Math.min(MAX_IMAGES, MAX_PIXELS / imagePixels);
        if (limit == 0) {
            return null;
        }
        List<DatasetSamples.Sample> chosen = choose(unitRangeCopy(trainer.config(), dataset), limit);
        int count = chosen.size();
        double[] features = new double[count * imagePixels];
        List<byte[]> pixels = new ArrayList<>(count);
        int[] label = new int[count];
        for (int i = 0; i < count; i++) {
            DatasetSamples.Sample sample = chosen.get(i);
            requireSameLabel(dataset, sample);
            System.arraycopy(dataset.test().features(), sample.index() * imagePixels, features, i * imagePixels,
                    imagePixels);
            pixels.add(greyLevels(sample, dataset.name()));
            label[i] = sample.label();
        }
        int classes = dataset.outputCount();
        double[] probabilities = trainer.predict(features, count);
        int[] predicted = Predictions.argmax(probabilities, count, classes);
        double[] confidence = new double[count];
        for (int i = 0; i < count; i++) {
            confidence[i] = probabilities[i * classes + predicted[i]];
        }
        return new Prediction.Samples(shape[0], shape[1], pixels, label, predicted, confidence);
    }

    /**
     * Returns the dataset with unit-range scaling, where image pixels are their stored value divided by
     * the format's maximum (255 for MNIST, 16 for the 8x8 digits). Image sets have a fixed split, so its
     * test samples are those of {@code dataset} in the same order, whatever {@code dataset}'s scaling.
     */
    // NOTE: with standardize or none scaling this loads a second copy of the image set, and the data package
    // caches it for the life of the process (about 31 MB for bundled MNIST, over 376 MB for the complete set).
    private static Dataset unitRangeCopy(RunConfig config, Dataset dataset) {
        if (config.data().scaling() == Scaling.UNIT_RANGE) {
            return dataset;
        }
        return Datasets.load(config.data().withScaling(Scaling.UNIT_RANGE), config.seed());
    }

    private static List<DatasetSamples.Sample> choose(Dataset unitRange, int limit) {
        return DatasetSamples.firstOfEachClass(unitRange, PER_CLASS).stream()
                .sorted(Comparator.comparingInt(DatasetSamples.Sample::label))
                .limit(limit)
                .toList();
    }

    private static void requireSameLabel(Dataset dataset, DatasetSamples.Sample sample) {
        int label = dataset.test().labels()[sample.index()];
        if (label != sample.label()) {
            throw new IllegalStateException("test sample " + sample.index() + " of '" + dataset.name()
                    + "' has class " + label + " but " + sample.label() + " with unit-range scaling");
        }
    }

    /** Converts unit-range pixels (0 to 1) to grey levels 0 to 255, rounding to the nearest level. */
    private static byte[] greyLevels(DatasetSamples.Sample sample, String datasetName) {
        double[] values = sample.features();
        byte[] levels = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0 && values[i] <= 1)) {
                throw new IllegalStateException("pixel " + i + " of test image " + sample.index() + " of '"
                        + datasetName + "' is " + values[i] + " after unit-range scaling; expected 0 to 1");
            }
            levels[i] = (byte) Math.round(values[i] * MAX_GREY_LEVEL);
        }
        return levels;
    }
}
