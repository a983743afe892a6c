package dev.layerscope.training;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Split;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.stats.LayerStats;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Statistics of a hand-set network: input x in {1, 2}, one linear hidden unit with weight 2, a linear
 * output with weight 3, biases 0, targets 0, MSE. Worked by hand:
 * z1 = a1 = (2, 4), z2 = (6, 12), L = (36 + 144) / 2 = 90;
 * dL/dz2 = 2 z2 / 2 = (6, 12), dL/dw2 = 6 * 2 + 12 * 4 = 60, dL/db2 = 18;
 * dL/da1 = 3 * (6, 12) = (18, 36), dL/dw1 = 18 * 1 + 36 * 2 = 90, dL/db1 = 54.
 */
class StatisticsPassTest {

    private static final double TOLERANCE = 1e-12;

    private static EpochStats handSetStats() {
        Split split = new Split(2, 1, new double[] {1, 2}, 1, new double[] {0, 0}, new int[0]);
        Dataset dataset = new Dataset("hand", "hand-made", "generated", List.of(), new int[0], split, split);
        RunConfig config = RunConfig.fromJson("""
                {"network": {"depth": 1, "width": 1, "activation": "linear", "init": {"kind": "zeros"}, "loss": "mse"},
                 "stats": {"histogramBins": 2}}
                """);
        Trainer trainer = new Trainer(config, dataset);
        trainer.network().layers().get(0).weights().set(0, 2);
        trainer.network().layers().get(1).weights().set(0, 3);
        return trainer.initialStats();
    }

    @Test
    void lossesMatchHandWork() {
        EpochStats stats = handSetStats();

        assertEquals(90, stats.trainLoss(), TOLERANCE);
        assertEquals(90, stats.testLoss(), TOLERANCE);
        assertEquals(Double.NaN, stats.trainAccuracy());
        assertEquals(0, stats.epoch());
        assertEquals(0, stats.step());
    }

    @Test
    void hiddenLayerMatchesHandWork() {
        LayerStats hidden = handSetStats().layers().get(0);

        assertEquals(3, hidden.preActivation().mean(), TOLERANCE);
        assertEquals(1, hidden.preActivation().std(), TOLERANCE);
        assertArrayEquals(new double[] {2, 3, 4}, hidden.preActivation().histogram().edges(), TOLERANCE);
        assertArrayEquals(new long[] {1, 1}, hidden.preActivation().histogram().counts());
        assertEquals(90, hidden.weightGradientNorm(), TOLERANCE);
        assertEquals(54, hidden.biasGradientNorm(), TOLERANCE);
        // Per-sample gradients are 2 * (18, 36) = (36, 72); their root mean square is sqrt((1296 + 5184) / 2).
        assertEquals(Math.sqrt(3240), hidden.activationGradientNorm(), TOLERANCE);
        assertEquals(2, hidden.weightNorm(), TOLERANCE);
        assertEquals(0, hidden.updateRatio(), 0.0);
        assertArrayEquals(new double[] {3}, hidden.units().meanActivation(), TOLERANCE);
        assertArrayEquals(new double[] {54}, hidden.units().meanAbsActivationGradient(), TOLERANCE);
        assertEquals(Double.NaN, hidden.deadFraction());
        assertEquals(Double.NaN, hidden.saturatedFraction());
    }

    @Test
    void outputLayerMatchesHandWork() {
        LayerStats output = handSetStats().layers().get(1);

        assertEquals("linear", output.activationName());
        assertEquals(9, output.activation().mean(), TOLERANCE);
        assertEquals(60, output.weightGradientNorm(), TOLERANCE);
        assertEquals(18, output.biasGradientNorm(), TOLERANCE);
        assertEquals(Math.sqrt(360), output.activationGradientNorm(), TOLERANCE);
        assertEquals(3, output.weightNorm(), TOLERANCE);
        // Zero weights predict zero variance everywhere.
        assertEquals(0, output.predictedVariance(), 0.0);
    }
}
