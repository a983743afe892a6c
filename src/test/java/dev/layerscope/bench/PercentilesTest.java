package dev.layerscope.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PercentilesTest {

    @Test
    void medianOfOddCountIsMiddleValue() {
        assertEquals(3.0, Percentiles.median(new double[] {5, 1, 3}));
    }

    @Test
    void medianOfEvenCountAveragesMiddlePair() {
        assertEquals(2.5, Percentiles.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void medianLeavesInputUnsorted() {
        double[] values = {3, 1, 2};

        Percentiles.median(values);

        assertEquals(3.0, values[0]);
    }

    @Test
    void percentileUsesNearestRank() {
        double[] values = new double[100];
        for (int i = 0; i < values.length; i++) {
            values[i] = 100 - i;
        }

        // Nearest rank: ceil(p / 100 * 100) = p, so the p-th smallest of 1..100 is p itself.
        assertEquals(50.0, Percentiles.percentile(values, 50));
        assertEquals(99.0, Percentiles.percentile(values, 99));
        assertEquals(100.0, Percentiles.percentile(values, 100));
    }

    @Test
    void percentileOfSmallSampleRoundsRankUp() {
        // ceil(0.99 * 3) = 3: with three values the 99th percentile is the largest.
        assertEquals(7.0, Percentiles.percentile(new double[] {7, 2, 5}, 99));
    }

    @Test
    void emptyInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.median(new double[0]));
    }

    @Test
    void percentOutsideRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Percentiles.percentile(new double[] {1}, 0));
    }
}
