package dev.layerscope.training;

import dev.layerscope.data.Split;
import dev.layerscope.stats.DecisionGrid;

/** Computes a {@link DecisionGrid} over the range of a two-feature training split. */
final class DecisionGrids {

    /** Fraction of each feature's range added on both sides, so points at the edge are not on the border. */
    private static final double MARGIN = 0.1;
    /** Padding on both sides of a feature whose training values are all equal. */
    private static final double FLAT_PADDING = 0.5;

    private DecisionGrids() {
    }

    static DecisionGrid compute(Trainer trainer, Split train, int resolution) {
        double[] features = train.features();
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < train.sampleCount(); i++) {
            xMin = Math.min(xMin, features[2 * i]);
            xMax = Math.max(xMax, features[2 * i]);
            yMin = Math.min(yMin, features[2 * i + 1]);
            yMax = Math.max(yMax, features[2 * i + 1]);
        }
        double xPad = xMax > xMin ? MARGIN * (xMax - xMin) : FLAT_PADDING;
        double yPad = yMax > yMin ? MARGIN * (yMax - yMin) : FLAT_PADDING;
        xMin -= xPad;
        xMax += xPad;
        yMin -= yPad;
        yMax += yPad;
        int cells = resolution * resolution;
        double[] grid = new double[cells * 2];
        for (int row = 0; row < resolution; row++) {
            for (int column = 0; column < resolution; column++) {
                int cell = row * resolution + column;
                grid[2 * cell] = xMin + (column + 0.5) * (xMax - xMin) / resolution;
                grid[2 * cell + 1] = yMin + (row + 0.5) * (yMax - yMin) / resolution;
            }
        }
        double[] probabilities = trainer.predict(grid, cells);
        int classes = train.outputCount();
        int[] predictedClass = new int[cells];
        double[] confidence = new double[cells];
        for (int cell = 0; cell < cells; cell++) {
            int best = 0;
            for (int k = 1; k < classes; k++) {
                if (probabilities[cell * classes + k] > probabilities[cell * classes + best]) {
                    best = k;
                }
            }
            predictedClass[cell] = best;
            confidence[cell] = probabilities[cell * classes + best];
        }
        return new DecisionGrid(trainer.epoch(), trainer.step(), xMin, xMax, yMin, yMax, resolution, predictedClass, confidence);
    }
}
