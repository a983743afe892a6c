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
        double sum = sum(values, count);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        if (Double.isNaN(sum)) {
            // NaN, or infinities of both signs: Math.min and Math.max give NaN wherever a value is NaN.
            for (int i = 0; i < count; i++) {
                min = Math.min(min, values[i]);
                max = Math.max(max, values[i]);
            }
        } else {
            // Plain comparisons run about twice as fast as Math.min and Math.max, which also order -0.0
            // before 0.0. Here the first zero seen decides the sign of a zero extreme.
            for (int i = 0; i < count; i++) {
                double value = values[i];
                min = value < min ? value : min;
                max = value > max ? value : max;
            }
        }
        double mean = sum / count;
        double std = Math.sqrt(squaredDeviations(values, count, mean) / count);
        return new Summary(count, mean, std, min, max, histogram(values, count, bins, min, max));
    }

    /**
     * Returns the sum of the first {@code count} values. Four partial sums keep the additions
     * independent, so the loop does not wait on one chain. The result differs from a single running
     * sum only in rounding.
     */
    private static double sum(double[] values, int count) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            s0 += values[i];
            s1 += values[i + 1];
            s2 += values[i + 2];
            s3 += values[i + 3];
        }
        for (; i < count; i++) {
            s0 += values[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Returns the sum of (x - mean)^2 over the first {@code count} values, in four partial sums like {@link #sum}. */
    private static double squaredDeviations(double[] values, int count, double mean) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            double d0 = values[i] - mean;
            double d1 = values[i + 1] - mean;
            double d2 = values[i + 2] - mean;
            double d3 = values[i + 3] - mean;
            s0 += d0 * d0;
            s1 += d1 * d1;
            s2 += d2 * d2;
            s3 += d3 * d3;
        }
        for (; i < count; i++) {
            double d = values[i] - mean;
            s0 += d * d;
        }
        return (s0 + s1) + (s2 + s3);
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
