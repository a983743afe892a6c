package dev.layerscope.session;

import dev.layerscope.stats.DecisionGrid;

import java.util.List;

/**
 * The network's predictions on a two-feature classification dataset: its decision grid and held-out
 * points with their true and predicted classes. Immutable once built.
 *
 * @param x         first feature of each held-out point, as scaled for training
 * @param y         second feature of each held-out point
 * @param label     true class of each point
 * @param predicted class with the largest predicted probability, per point
 */
public record Prediction(int epoch, long step, DecisionGrid grid, double[] x, double[] y, int[] label, int[] predicted,
                         List<String> classNames) {

    public Prediction {
        x = x.clone();
        y = y.clone();
        label = label.clone();
        predicted = predicted.clone();
        classNames = List.copyOf(classNames);
    }
}
