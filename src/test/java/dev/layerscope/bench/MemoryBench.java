package dev.layerscope.bench;

import dev.layerscope.data.Dataset;
import dev.layerscope.training.Trainer;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * Memory retained by one session's training state: the dataset, and one trainer after an epoch (network
 * buffers, optimizer state, statistics). Measured as the used heap after full collections, and the
 * direct buffer pool that contains the network's native arrays, before and after building each while
 * the earlier objects stay reachable.
 */
final class MemoryBench {

    private final PrintStream out;

    MemoryBench(PrintStream out) {
        this.out = out;
    }

    void run(List<Workload> workloads) {
        for (Workload workload : workloads) {
            long start = Heap.settledBytes();
            long startDirect = Heap.directBytes();
            Dataset dataset = workload.dataset(7);
            long withDataset = Heap.settledBytes();
            Trainer trainer = new Trainer(workload.config(10), dataset);
            trainer.trainEpoch();
            long withTrainer = Heap.settledBytes();
            long trainerDirect = Heap.directBytes() - startDirect;
            out.printf(Locale.ROOT, "{\"peer\": \"layerscope\", \"benchmark\": \"memory\", \"workload\": \"%s\", "
                            + "\"dataset_mib\": %.2f, \"trainer_heap_mib\": %.2f, \"trainer_native_mib\": %.2f, "
                            + "\"trainer_mib\": %.2f, \"estimate_mib\": %.2f, \"epoch\": %d}%n",
                    workload.name(), Heap.mib(withDataset - start), Heap.mib(withTrainer - withDataset),
                    Heap.mib(trainerDirect), Heap.mib(withTrainer - withDataset + trainerDirect),
                    Heap.mib(Trainer.estimateMemoryBytes(workload.config(10), dataset)), trainer.epoch());
            out.flush();
        }
    }
}
