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
     * networks' arrays, once unreachable buffers are freed. The JDK frees them on its cleaner thread
     * some time after a collection, so this collects and reads again until two readings agree.
     */
    static long directBytes() {
        long previous = -1;
        long current = directPoolBytes();
        for (int i = 0; i < 40 && current != previous; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            previous = current;
            current = directPoolBytes();
        }
        return current;
    }

    private static long directPoolBytes() {
        return ManagementFactory.getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(java.lang.management.BufferPoolMXBean::getMemoryUsed).sum();
    }

    static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
