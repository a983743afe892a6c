package dev.layerscope.stats;

/** Summaries, histograms and norms of flat arrays. */
public final class Summaries {

    private Summaries() {
    }

    /**
     * Summarizes the first {@code count} values: mean, population standard deviation (divided by n),
     * extremes, and a histogram of {@code bins} equal-width bins from min to max. Value x goes to bin
     * floor((x - min) / binWidth), and the maximum to the last bin. When every value is equal, the
     * bins span value - 0.5 to value + 0.5. An empty array gives NaN statistics and empty bins from 0 to 1.
     */
    public static Summary summarize(double[] values, int count, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (count == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, new Histogram(edges(0, 1, bins), new long[bins]));
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            double value = values[i];
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        double mean = sum / count;
        double squares = 0;
        for (int i = 0; i < count; i++) {
            double deviation = values[i] - mean;
            squares += deviation * deviation;
        }
        double std = Math.sqrt(squares / count);
        return new Summary(count, mean, std, min, max, histogram(values, count, bins, min, max));
    }

    private static Histogram histogram(double[] values, int count, int bins, double min, double max) {
        double low = min < max ? min : min - 0.5;
        double high = min < max ? max : max + 0.5;
        // Dividing before subtracting keeps the width finite even when high - low overflows.
        double binWidth = high / bins - low / bins;
        long[] counts = new long[bins];
        for (int i = 0; i < count; i++) {
            int bin = (int) ((values[i] - low) / binWidth);
            counts[Math.max(0, Math.min(bins - 1, bin))]++;
        }
        return new Histogram(edges(low, high, bins), counts);
    }

    private static double[] edges(double low, double high, int bins) {
        double[] edges = new double[bins + 1];
        double binWidth = high / bins - low / bins;
        for (int i = 0; i < bins; i++) {
            edges[i] = low + i * binWidth;
        }
        edges[bins] = high;
        return edges;
    }

    /** Returns the L2 (Frobenius) norm of the first {@code count} values. */
    public static double norm(double[] values, int count) {
        double squares = 0;
        for (int i = 0; i < count; i++) {
            squares += values[i] * values[i];
        }
        return Math.sqrt(squares);
    }
}
