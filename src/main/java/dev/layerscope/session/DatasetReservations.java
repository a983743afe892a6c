package dev.layerscope.session;

import dev.layerscope.data.Dataset;
import dev.layerscope.data.Split;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Counts the memory of the datasets that live sessions use in the {@link TrainerBudget}. Sessions
 * that share one dataset instance count it once: the dataset cache gives every configuration with
 * the same data section and seed the same instance, the bundled image sets are one instance per
 * scaling, and a fork shares its source's. An uploaded CSV file, by contrast, is split anew for
 * every seed, so each seed's copy counts.
 */
final class DatasetReservations {

    private static final long DOUBLE_BYTES = Double.BYTES;
    private static final long INT_BYTES = Integer.BYTES;

    private final TrainerBudget budget;
    /** The number of live sessions that use each dataset instance. */
    private final Map<Dataset, Integer> users = new IdentityHashMap<>();
    private long reservedBytes;

    DatasetReservations(TrainerBudget budget) {
        this.budget = budget;
    }

    /**
     * Counts one more session that uses {@code dataset}, reserving its memory for the first one.
     *
     * @param datasetName the configuration's {@code data.dataset}, named in the error
     * @throws dev.layerscope.config.ConfigException when the dataset does not fit the budget
     */
    synchronized void acquire(Dataset dataset, String datasetName) {
        Integer count = users.get(dataset);
        if (count == null) {
            long bytes = bytes(dataset);
            budget.reserveDataset(bytes, datasetName);
            reservedBytes += bytes;
            count = 0;
        }
        users.put(dataset, count + 1);
    }

    /** Counts one session fewer that uses {@code dataset}, releasing its memory after the last one. */
    synchronized void release(Dataset dataset) {
        Integer count = users.get(dataset);
        if (count == null) {
            return;
        }
        if (count > 1) {
            users.put(dataset, count - 1);
        } else {
            users.remove(dataset);
            long bytes = bytes(dataset);
            budget.release(bytes);
            reservedBytes -= bytes;
        }
    }

    /** Returns the bytes reserved for datasets in use. */
    synchronized long reservedBytes() {
        return reservedBytes;
    }

    /** Returns the bytes of the arrays of both splits, the bulk of a dataset's memory. */
    static long bytes(Dataset dataset) {
        return bytes(dataset.train()) + bytes(dataset.test());
    }

    private static long bytes(Split split) {
        long values = (long) split.sampleCount() * (split.featureCount() + split.outputCount());
        return values * DOUBLE_BYTES + (long) split.labels().length * INT_BYTES;
    }
}
