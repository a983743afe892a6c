package dev.layerscope.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's Java loops must compute what OpenBLAS computes, or the timing comparison means nothing. */
class JavaLoopGemmTest {

    /** Sums of 7 products of N(0, 1) values, rounded differently by the two paths: far below this. */
    private static final double TOLERANCE = 1e-12;

    @Test
    void everyTranspositionMatchesBlas() {
        RandomStream random = new RandomStream(11);
        int m = 5;
        int n = 6;
        int k = 7;
        for (int combination = 0; combination < 4; combination++) {
            boolean transposeA = (combination & 1) != 0;
            boolean transposeB = (combination & 2) != 0;
            double[] a = gaussian(m * k, random);
            double[] b = gaussian(k * n, random);
            double[] start = gaussian(m * n, random);
            double[] expected = start.clone();
            double[] actual = start.clone();

            Blas.gemm(transposeA, transposeB, m, n, k, 0.5, a, b, 2.0, expected);
            JavaLoopGemm.gemm(transposeA, transposeB, m, n, k, 0.5, a, b, 2.0, actual);

            assertArrayEquals(expected, actual, TOLERANCE, "transposeA=" + transposeA + ", transposeB=" + transposeB);
        }
    }

    @Test
    void zeroBetaIgnoresNaNInOutput() {
        double[] c = {Double.NaN, Double.NaN};

        JavaLoopGemm.gemm(false, false, 1, 2, 1, 1.0, new double[] {2}, new double[] {3, 4}, 0.0, c);

        assertArrayEquals(new double[] {6, 8}, c, 0.0);
    }

    @Test
    void infinityTimesZeroGivesNaN() {
        double[] c = new double[1];

        JavaLoopGemm.gemm(false, false, 1, 1, 1, 1.0, new double[] {0}, new double[] {Double.POSITIVE_INFINITY}, 0.0, c);

        assertTrue(Double.isNaN(c[0]));
    }

    private static double[] gaussian(int count, RandomStream random) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }
}
