package dev.layerscope.training;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Datasets;
import dev.layerscope.stats.DecisionGrid;
import dev.layerscope.stats.EpochStats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictionTest {

    private static final String XOR = """
            {"seed": 7, "data": {"dataset": "xor", "samples": 1000, "noise": 0.05},
             "network": {"depth": 2, "width": 16, "activation": "tanh", "batchNorm": true, "init": {"kind": "glorot-normal"}},
             "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 32, "epochs": 30}}
            """;

    private static Trainer trainer(String json) {
        RunConfig config = RunConfig.fromJson(json);
        return new Trainer(config, Datasets.load(config.data(), config.seed()));
    }

    @Test
    void decisionGridFollowsXorQuadrants() {
        Trainer trainer = trainer(XOR);
        while (!trainer.finished()) {
            trainer.trainEpoch();
        }

        DecisionGrid grid = trainer.decisionGrid(20);

        int[] classes = grid.predictedClass();
        int wrong = 0;
        int checked = 0;
        for (int row = 0; row < 20; row++) {
            for (int column = 0; column < 20; column++) {
                double x = grid.xMin() + (column + 0.5) * (grid.xMax() - grid.xMin()) / 20;
                double y = grid.yMin() + (row + 0.5) * (grid.yMax() - grid.yMin()) / 20;
                // Away from the axes the class is the sign rule; near them the boundary may bend.
                if (Math.abs(x) > 0.25 && Math.abs(y) > 0.25) {
                    int expectedClass = x * y > 0 ? 0 : 1;
                    checked++;
                    if (classes[row * 20 + column] != expectedClass) {
                        wrong++;
                    }
                }
            }
        }
        assertTrue(checked > 200, "cells checked: " + checked);
        assertTrue(wrong <= checked / 20, wrong + " of " + checked + " cells wrong");
        assertEquals(30, grid.epoch());
        assertTrue(grid.xMin() < -1.0, "grid starts left of the data: " + grid.xMin());
    }

    @Test
    void predictionsAreProbabilities() {
        Trainer trainer = trainer(XOR);
        double[] inputs = {0.5, 0.5, -0.5, 0.5, 0.0, 0.0};

        double[] probabilities = trainer.predict(inputs, 3);

        assertEquals(6, probabilities.length);
        for (int row = 0; row < 3; row++) {
            assertEquals(1.0, probabilities[2 * row] + probabilities[2 * row + 1], 1e-12, "row " + row);
        }
    }

    @Test
    void predictingLeavesTrainingUnchanged() {
        Trainer plain = trainer(XOR.replace("\"epochs\": 30", "\"epochs\": 3"));
        Trainer probed = trainer(XOR.replace("\"epochs\": 30", "\"epochs\": 3"));
        EpochStats expected = null;
        EpochStats actual = null;

        while (!plain.finished()) {
            expected = plain.trainEpoch();
            probed.trainBatch();
            probed.decisionGrid(50);
            actual = probed.trainEpoch();
        }

        assertEquals(expected.trainLoss(), actual.trainLoss(), 0.0);
        assertEquals(expected.layers(), actual.layers());
    }

    @Test
    void invalidGridOrInputsRejected() {
        Trainer trainer = trainer(XOR);

        assertThrows(IllegalArgumentException.class, () -> trainer.decisionGrid(0));
        assertThrows(IllegalArgumentException.class, () -> trainer.predict(new double[3], 2));
    }
}
