package dev.layerscope.session;

import dev.layerscope.stats.DecisionGrid;

import java.util.List;

/**
 * The network's predictions on a classification dataset, immutable once built. A two-feature
 * dataset has a decision grid and held-out points; an image dataset has sample images instead.
 * Parts that do not apply are null.
 *
 * @param grid       the decision grid of a two-feature dataset, or null
 * @param points     held-out points of a two-feature dataset, or null
 * @param samples    held-out images of an image dataset, or null
 * @param classNames one name per class
 */
public record Prediction(int epoch, long step, DecisionGrid grid, Points points, Samples samples,
                         List<String> classNames) {

    public Prediction {
        classNames = List.copyOf(classNames);
    }

    /**
     * Held-out points of a two-feature dataset with their true and predicted classes.
     *
     * @param x         first feature of each held-out point, as scaled for training
     * @param y         second feature of each held-out point
     * @param label     true class of each point
     * @param predicted class with the largest predicted probability, per point
     */
    public record Points(double[] x, double[] y, int[] label, int[] predicted) {

        public Points {
            x = x.clone();
            y = y.clone();
            label = label.clone();
            predicted = predicted.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }

        @Override
        public int[] label() {
            return label.clone();
        }

        @Override
        public int[] predicted() {
            return predicted.clone();
        }
    }

    /**
     * Held-out images with their true class, predicted class and that class's probability.
     *
     * @param height     rows of each image
     * @param width      columns of each image
     * @param pixels     one array of {@code height x width} grey levels per image, row-major, as
     *                   unsigned bytes: 0 is the background, 255 the format's maximum (full ink)
     * @param label      true class of each image
     * @param predicted  class with the largest predicted probability, per image
     * @param confidence that largest probability, per image (0 to 1)
     */
    public record Samples(int height, int width, List<byte[]> pixels, int[] label, int[] predicted,
                          double[] confidence) {

        public Samples {
            int count = pixels.size();
            if (label.length != count || predicted.length != count || confidence.length != count) {
                throw new IllegalArgumentException(count + " images need as many labels, predictions and confidences,"
                        + " got " + label.length + ", " + predicted.length + " and " + confidence.length);
            }
            pixels = pixels.stream().map(image -> copyImage(image, height, width)).toList();
            label = label.clone();
            predicted = predicted.clone();
            confidence = confidence.clone();
        }

        private static byte[] copyImage(byte[] image, int height, int width) {
            if (image.length != height * width) {
                throw new IllegalArgumentException("an image of " + height + " x " + width + " needs "
                        + height * width + " pixels, got " + image.length);
            }
            return image.clone();
        }

        @Override
        public List<byte[]> pixels() {
            return pixels.stream().map(byte[]::clone).toList();
        }

        @Override
        public int[] label() {
            return label.clone();
        }

        @Override
        public int[] predicted() {
            return predicted.clone();
        }

        @Override
        public double[] confidence() {
            return confidence.clone();
        }
    }
}
