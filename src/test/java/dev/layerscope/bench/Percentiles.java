package dev.layerscope.bench;

import java.util.Arrays;

/** Order statistics of measured samples. */
final class Percentiles {

    private Percentiles() {
    }

    /** Returns the median: the middle value, or the mean of the two middle values for an even count. */
    static double median(double[] values) {
        requireValues(values);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * Returns the {@code percent} percentile by the nearest-rank method: the smallest value that at
     * least {@code percent}% of the values are less than or equal to.
     */
    static double percentile(double[] values, double percent) {
        requireValues(values);
        if (!(percent > 0 && percent <= 100)) {
            throw new IllegalArgumentException("percent must be in (0, 100], got " + percent);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[rank - 1];
    }

    private static void requireValues(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values to summarize");
        }
    }
}
