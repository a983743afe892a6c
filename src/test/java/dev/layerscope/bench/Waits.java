package dev.layerscope.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded waits: every loop of the load benchmarks ends by itself at a deadline. */
final class Waits {

    private static final long POLL_NANOS = 20_000_000;

    private Waits() {
    }

    /** Polls {@code condition} until it is true or {@code timeout} passes; returns whether it became true. */
    static boolean until(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /** Parks the calling thread for {@code duration}; used between measurements, never in tests. */
    static void pause(Duration duration) {
        long deadline = System.nanoTime() + duration.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }
}
