package dev.layerscope.stats;

import java.util.Arrays;

/**
 * The network's predicted class on a regular grid over a two-feature input space, for drawing a
 * decision boundary. Cell (row, column) is at x = xMin + (column + 0.5) * (xMax - xMin) / resolution and
 * y = yMin + (row + 0.5) * (yMax - yMin) / resolution; arrays are row-major, row 0 at yMin.
 *
 * @param predictedClass the class with the largest probability, per cell
 * @param confidence     that largest probability, per cell (0 to 1)
 */
public record DecisionGrid(int epoch, long step, double xMin, double xMax, double yMin, double yMax, int resolution,
                           int[] predictedClass, double[] confidence) {

    public DecisionGrid {
        int cells = resolution * resolution;
        if (resolution < 1 || predictedClass.length != cells || confidence.length != cells) {
            throw new IllegalArgumentException("a " + resolution + " x " + resolution + " grid needs " + cells
                    + " cells, got " + predictedClass.length + " classes and " + confidence.length + " confidences");
        }
        predictedClass = predictedClass.clone();
        confidence = confidence.clone();
    }

    @Override
    public int[] predictedClass() {
        return predictedClass.clone();
    }

    @Override
    public double[] confidence() {
        return confidence.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DecisionGrid g && epoch == g.epoch && step == g.step && resolution == g.resolution
                && xMin == g.xMin && xMax == g.xMax && yMin == g.yMin && yMax == g.yMax
                && Arrays.equals(predictedClass, g.predictedClass) && Arrays.equals(confidence, g.confidence);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(predictedClass) * 31 + Arrays.hashCode(confidence);
    }

    @Override
    public String toString() {
        return "DecisionGrid[" + resolution + " x " + resolution + " at epoch " + epoch + "]";
    }
}
