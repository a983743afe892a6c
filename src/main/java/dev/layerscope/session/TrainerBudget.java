package dev.layerscope.session;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;

/**
 * The memory that every session's trainer and dataset may use together. A trainer reserves the
 * engine's estimate before it is built, and a dataset its arrays' size when the first session that
 * uses it is built (see {@link DatasetReservations}). Both are released when their session closes or
 * gets a new trainer, so a few large networks or uploaded files cannot exhaust the heap that every
 * session shares.
 *
 * <p>NOTE: statistics histories, the datasets that only the cache still holds, and the memory that
 * parsing an uploaded file takes while a dataset is built are not counted, so the default budget
 * leaves them the other half of the heap.
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

    /**
     * Reserves {@code bytes} for a dataset; throws {@link ConfigException} naming {@code data.dataset}
     * when they do not fit.
     */
    synchronized void reserveDataset(long bytes, String datasetName) {
        if (reservedBytes + bytes > budgetBytes) {
            throw new ConfigException(new FieldError("data.dataset", datasetName, "a dataset that fits the "
                    + megabytes(budgetBytes - reservedBytes) + " MiB the server has left of " + megabytes(budgetBytes)
                    + " MiB for every session together (server limit maxTotalTrainerMegabytes); its training and"
                    + " test splits take " + megabytes(bytes) + " MiB. Use the seed of a session that already"
                    + " uses this dataset, a file with fewer rows or columns, or try again when other sessions"
                    + " have ended"));
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
