package dev.layerscope.session;

import dev.layerscope.data.Dataset;
import dev.layerscope.data.Split;
import dev.layerscope.training.Trainer;

/**
 * Computes a session's {@link Prediction} on the training thread, for datasets that have one: a
 * decision grid for two-feature classification sets, sample images for image sets.
 */
final class Predictions {

    /** Grid cells per side: 48 x 48 = 2,304 forward passes, a few milliseconds for the networks people watch. */
    static final int GRID_RESOLUTION = 48;
    /** Held-out points sent with the grid; the first ones of the test split. */
    static final int MAX_POINTS = 200;

    private Predictions() {
    }

    /** Returns the prediction, or null when the dataset is neither a two-feature nor an image classification set. */
    static Prediction compute(Trainer trainer, Dataset dataset) {
        if (!dataset.isClassification()) {
            return null;
        }
        if (dataset.featureCount() == 2) {
            return new Prediction(trainer.epoch(), trainer.step(), trainer.decisionGrid(GRID_RESOLUTION),
                    heldOutPoints(trainer, dataset), null, dataset.classNames());
        }
        if (dataset.imageShape().length == 2) {
            Prediction.Samples samples = SampleImages.score(trainer, dataset);
            return samples == null ? null
                    : new Prediction(trainer.epoch(), trainer.step(), null, null, samples, dataset.classNames());
        }
        return null;
    }

    private static Prediction.Points heldOutPoints(Trainer trainer, Dataset dataset) {
        Split test = dataset.test();
        int points = Math.min(MAX_POINTS, test.sampleCount());
        double[] features = test.features();
        double[] x = new double[points];
        double[] y = new double[points];
        int[] label = new int[points];
        for (int i = 0; i < points; i++) {
            x[i] = features[2 * i];
            y[i] = features[2 * i + 1];
            label[i] = test.labels()[i];
        }
        int[] predicted = argmax(trainer.predict(features, points), points, dataset.outputCount());
        return new Prediction.Points(x, y, label, predicted);
    }

    /** Returns, per row of {@code rows x classes} probabilities, the class of the largest one (the first on ties). */
    static int[] argmax(double[] probabilities, int rows, int classes) {
        int[] best = new int[rows];
        for (int row = 0; row < rows; row++) {
            for (int k = 1; k < classes; k++) {
                if (probabilities[row * classes + k] > probabilities[row * classes + best[row]]) {
                    best[row] = k;
                }
            }
        }
        return best;
    }
}
