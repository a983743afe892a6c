package dev.layerscope.training;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Datasets;
import dev.layerscope.stats.EpochStats;

import java.util.Arrays;

/**
 * Trains a network whose products are large enough for OpenBLAS to split them between threads, and
 * prints a fingerprint of the result: the bits of the last training loss and a hash of every weight's
 * bits. {@link BlasThreadsTest} compares the fingerprints of runs with different thread counts.
 */
public final class TrainerFingerprint {

    private TrainerFingerprint() {
    }

    public static void main(String[] args) {
        RunConfig config = RunConfig.fromJson("""
                {"seed": 11, "data": {"dataset": "moons", "samples": 1000},
                 "network": {"depth": 3, "width": 256, "activation": "relu"},
                 "training": {"optimizer": "sgd", "learningRate": 0.05, "batchSize": 64, "epochs": 2}}
                """);
        Dataset dataset = Datasets.load(config.data(), config.seed());
        Trainer trainer = new Trainer(config, dataset);
        EpochStats last = null;
        while (!trainer.finished()) {
            last = trainer.trainEpoch();
        }
        double[][] parameters = trainer.saveState().parameters();
        System.out.println(Long.toHexString(Double.doubleToRawLongBits(last.trainLoss())) + " "
                + Integer.toHexString(Arrays.deepHashCode(parameters)));
    }
}
