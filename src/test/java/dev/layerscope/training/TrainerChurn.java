package dev.layerscope.training;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Datasets;

/**
 * Builds trainers one after another and drops each after one step, so that together they allocate far
 * more native memory than the JVM's direct-memory limit. {@link NativeMemoryReuseTest} runs it in a
 * JVM with a small {@code -XX:MaxDirectMemorySize}; it prints the native bytes allocated in all.
 */
public final class TrainerChurn {

    private TrainerChurn() {
    }

    public static void main(String[] args) {
        int trainers = Integer.parseInt(args[0]);
        RunConfig config = RunConfig.fromJson("""
                {"data": {"dataset": "moons", "samples": 300},
                 "network": {"depth": 4, "width": 256, "activation": "relu"},
                 "training": {"optimizer": "sgd", "batchSize": 32, "epochs": 1}}
                """);
        Dataset dataset = Datasets.load(config.data(), config.seed());
        long total = 0;
        for (int i = 0; i < trainers; i++) {
            Trainer trainer = new Trainer(config, dataset);
            trainer.trainBatch();
            total += Trainer.estimateMemoryBytes(config, dataset);
        }
        System.out.println("allocated " + total);
    }
}
