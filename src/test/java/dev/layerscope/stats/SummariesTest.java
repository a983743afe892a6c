package dev.layerscope.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SummariesTest {

    @Test
    void summaryOfHandMadeArray() {
        double[] values = {1, 2, 3, 4, 99};

        // Only the first four values count: mean 2.5, population variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
        Summary summary = Summaries.summarize(values, 4, 3);

        assertEquals(4, summary.count());
        assertEquals(2.5, summary.mean(), 0.0);
        assertEquals(Math.sqrt(1.25), summary.std(), 0.0);
        assertEquals(1.0, summary.min(), 0.0);
        assertEquals(4.0, summary.max(), 0.0);
        assertArrayEquals(new double[] {1, 2, 3, 4}, summary.histogram().edges(), 0.0);
        // Bins [1, 2), [2, 3), [3, 4]: the maximum belongs to the last bin.
        assertArrayEquals(new long[] {1, 1, 2}, summary.histogram().counts());
    }

    @Test
    void equalValuesGetUnitWideBins() {
        Summary summary = Summaries.summarize(new double[] {5, 5, 5}, 3, 2);

        assertEquals(0.0, summary.std(), 0.0);
        assertArrayEquals(new double[] {4.5, 5, 5.5}, summary.histogram().edges(), 0.0);
        assertArrayEquals(new long[] {0, 3}, summary.histogram().counts());
    }

    @Test
    void histogramCountsNegativeValues() {
        Summary summary = Summaries.summarize(new double[] {-2, -1, 0, 0, 2}, 5, 4);

        // Edges -2, -1, 0, 1, 2.
        assertArrayEquals(new double[] {-2, -1, 0, 1, 2}, summary.histogram().edges(), 0.0);
        assertArrayEquals(new long[] {1, 1, 2, 1}, summary.histogram().counts());
        assertEquals(-0.2, summary.mean(), 1e-15);
    }

    @Test
    void hugeRangeKeepsFiniteEdges() {
        Summary summary = Summaries.summarize(new double[] {-1e308, 0, 1e308}, 3, 2);

        assertArrayEquals(new double[] {-1e308, 0, 1e308}, summary.histogram().edges(), 0.0);
        assertArrayEquals(new long[] {1, 2}, summary.histogram().counts());
    }

    @Test
    void emptyArrayGivesNaN() {
        Summary summary = Summaries.summarize(new double[0], 0, 3);

        assertEquals(0, summary.count());
        assertEquals(Double.NaN, summary.mean());
        assertArrayEquals(new long[] {0, 0, 0}, summary.histogram().counts());
    }

    @Test
    void normOfHandMadeArray() {
        assertEquals(13.0, Summaries.norm(new double[] {3, 4, 12, 100}, 3), 0.0);
    }
}
