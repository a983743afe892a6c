package dev.layerscope.bench;

import dev.layerscope.data.Dataset;
import dev.layerscope.training.Trainer;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Heap retained by one session's training state: the dataset, and one trainer after an epoch (network
 * buffers, optimizer state, statistics). Measured as the used heap after full collections, before and
 * after building each while the earlier objects stay reachable.
 */
final class MemoryBench {

    private final PrintStream out;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    MemoryBench(PrintStream out) {
        this.out = out;
    }

    void run(List<Workload> workloads) {
        for (Workload workload : workloads) {
            long start = settledHeapBytes();
            Dataset dataset = workload.dataset(7);
            long withDataset = settledHeapBytes();
            Trainer trainer = new Trainer(workload.config(10), dataset);
            trainer.trainEpoch();
            long withTrainer = settledHeapBytes();
            out.printf(Locale.ROOT, "{\"peer\": \"layerscope\", \"benchmark\": \"memory\", \"workload\": \"%s\", "
                            + "\"dataset_mib\": %.2f, \"trainer_mib\": %.2f, \"epoch\": %d}%n",
                    workload.name(), mib(withDataset - start), mib(withTrainer - withDataset), trainer.epoch());
            out.flush();
        }
    }

    private long settledHeapBytes() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
