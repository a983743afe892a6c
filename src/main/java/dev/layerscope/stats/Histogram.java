package dev.layerscope.stats;

import java.util.Arrays;

/**
 * Counts of values in fixed bins. {@code edges} has one more entry than {@code counts}; bin
 * {@code i} covers {@code [edges[i], edges[i + 1])}, and the last bin also includes its right edge.
 */
public record Histogram(double[] edges, long[] counts) {

    public Histogram {
        if (edges.length != counts.length + 1) {
            throw new IllegalArgumentException("a histogram with " + counts.length + " bins needs "
                    + (counts.length + 1) + " edges, got " + edges.length);
        }
        edges = edges.clone();
        counts = counts.clone();
    }

    @Override
    public double[] edges() {
        return edges.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Histogram h && Arrays.equals(edges, h.edges) && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(edges) * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram" + Arrays.toString(counts);
    }
}
