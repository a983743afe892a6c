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

    /**
     * Returns the bytes held by the JVM's direct buffer pool, where {@code NativeArray} keeps the
     * networks' arrays, after the collections of {@link #settledBytes} freed unreachable ones.
     */
    static long directBytes() {
        return ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed).sum();
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
