package dev.layerscope.bench;

import java.lang.management.ManagementFactory;

/** Heap measurements for the benchmarks. */
final class Heap {

    private Heap() {
    }

    /** Returns the used heap in bytes after full collections: the lowest of four readings. */
    static long settledBytes() {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
