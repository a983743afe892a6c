package dev.layerscope.session;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;

/**
 * The memory that every session's trainer may use together, as the engine estimates it. A trainer
 * reserves its estimate before it is built and releases it when its session closes or gets a new
 * trainer, so a few large networks cannot exhaust the heap that every session shares.
 *
 * <p>NOTE: datasets (shared between sessions) and statistics histories are not counted, so the
 * default budget leaves them the other half of the heap.
 */
final class TrainerBudget {

    private static final long MEBIBYTE = 1024 * 1024;

    private final long budgetBytes;
    private long reservedBytes;

    TrainerBudget(int budgetMegabytes) {
        this.budgetBytes = budgetMegabytes * MEBIBYTE;
    }

    /** Reserves {@code bytes}; throws {@link ConfigException} naming the network when they do not fit. */
    synchronized void reserve(long bytes) {
        if (reservedBytes + bytes > budgetBytes) {
            throw new ConfigException(new FieldError("network", megabytes(bytes) + " MiB",
                    "a trainer that fits the " + megabytes(budgetBytes - reservedBytes) + " MiB the server has left of "
                            + megabytes(budgetBytes) + " MiB for every session together (server limit"
                            + " maxTotalTrainerMegabytes); use a smaller network, batch or evaluation batch, or try"
                            + " again when other sessions have ended"));
        }
        reservedBytes += bytes;
    }

    synchronized void release(long bytes) {
        reservedBytes -= bytes;
    }

    synchronized long reservedBytes() {
        return reservedBytes;
    }

    private static long megabytes(long bytes) {
        return (bytes + MEBIBYTE - 1) / MEBIBYTE;
    }
}
