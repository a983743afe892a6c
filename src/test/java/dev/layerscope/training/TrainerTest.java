package dev.layerscope.training;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Datasets;
import dev.layerscope.stats.EpochStats;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    private static EpochStats train(String json) {
        RunConfig config = RunConfig.fromJson(json);
        Dataset dataset = Datasets.load(config.data(), config.seed());
        Trainer trainer = new Trainer(config, dataset);
        EpochStats stats = trainer.initialStats();
        while (!trainer.finished()) {
            stats = trainer.trainEpoch();
        }
        return stats;
    }

    @Test
    void xorReachesHighAccuracy() {
        EpochStats last = train("""
                {"seed": 7, "data": {"dataset": "xor", "samples": 1000, "noise": 0.05},
                 "network": {"depth": 2, "width": 16, "activation": "tanh", "init": {"kind": "glorot-normal"}},
                 "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 32, "epochs": 30}}
                """);

        assertTrue(last.testAccuracy() >= 0.95, "test accuracy " + last.testAccuracy());
    }

    @Test
    void twoArmSpiralsReachHighAccuracy() {
        EpochStats last = train("""
                {"seed": 7, "data": {"dataset": "spirals", "samples": 1000, "noise": 0.05, "arms": 2},
                 "network": {"depth": 3, "width": 32, "activation": "relu", "init": {"kind": "he-normal"}},
                 "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 32, "epochs": 80}}
                """);

        assertTrue(last.testAccuracy() >= 0.95, "test accuracy " + last.testAccuracy());
    }
}
