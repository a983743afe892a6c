package dev.layerscope.training;

import dev.layerscope.data.Split;
import dev.layerscope.math.RandomStream;
import dev.layerscope.network.Activation;
import dev.layerscope.network.InitSpec;
import dev.layerscope.network.LayerSpec;
import dev.layerscope.network.Loss;
import dev.layerscope.network.Network;
import dev.layerscope.network.NetworkSpec;
import dev.layerscope.network.WeightInit;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Scoring with an all-zero network under MSE, whose loss on sample i is its target squared. */
class EvaluationTest {

    private static Evaluation evaluation(Split split, int maxRows) {
        NetworkSpec spec = new NetworkSpec(1, List.of(new LayerSpec(2, Activation.TANH, false, 0.0)), 1, Loss.MSE,
                InitSpec.of(WeightInit.ZEROS), 0.01);
        Network network = new Network(spec, maxRows, new RandomStream(1), new RandomStream(2));
        return new Evaluation(network, split, split, 4, new RandomStream(3));
    }

    private static Split targetsZeroToNine() {
        double[] targets = new double[10];
        for (int i = 0; i < 10; i++) {
            targets[i] = i;
        }
        return new Split(10, 1, new double[10], 1, targets, new int[0]);
    }

    @Test
    void smallSplitIsScoredWhole() {
        double[] score = evaluation(targetsZeroToNine(), 3).score(targetsZeroToNine(), 100);

        // (0 + 1 + 4 + ... + 81) / 10 = 285 / 10.
        assertEquals(28.5, score[0], 1e-12);
        assertEquals(Double.NaN, score[1]);
    }

    @Test
    void largeSplitIsSampledEvenly() {
        double[] score = evaluation(targetsZeroToNine(), 3).score(targetsZeroToNine(), 5);

        // Samples floor(i * 10 / 5) = 0, 2, 4, 6, 8: (0 + 4 + 16 + 36 + 64) / 5 = 24.
        assertEquals(24.0, score[0], 1e-12);
    }
}
