package dev.layerscope.training;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Datasets;
import dev.layerscope.stats.EpochStats;
import org.junit.jupiter.api.Test;

class MnistTrainingTest {

    /** Ten balanced classes: guessing gets 10 % of the test images right. */
    private static final double CHANCE = 0.1;

    @Test
    void smallNetworkBeatsChanceOnMnist() {
        RunConfig config = RunConfig.fromJson("""
                {"seed": 5, "data": {"dataset": "mnist"},
                 "network": {"depth": 2, "width": 64, "activation": "relu", "init": {"kind": "he-normal"}},
                 "training": {"optimizer": "adam", "learningRate": 0.002, "batchSize": 64, "epochs": 3},
                 "stats": {"evalSamples": 256}}
                """);
        Dataset mnist = Datasets.load(config.data(), config.seed());
        Trainer trainer = new Trainer(config, mnist);

        double initialAccuracy = trainer.initialStats().testAccuracy();
        EpochStats last = null;
        while (!trainer.finished()) {
            last = trainer.trainEpoch();
        }

        assertTrue(initialAccuracy < 0.3, "accuracy before training: " + initialAccuracy);
        assertTrue(last.testAccuracy() > 0.85, "test accuracy after 3 epochs: " + last.testAccuracy()
                + " (chance is " + CHANCE + ")");
    }
}
