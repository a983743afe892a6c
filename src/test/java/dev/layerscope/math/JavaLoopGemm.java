package dev.layerscope.math;

/**
 * Matrix products as plain Java loops, the alternative to {@link Blas#gemm} that {@link GemmBench}
 * times. Same contract: row-major, densely packed, and {@code c} is not read when {@code beta} is 0.
 * Measured on an AVX-512 Xeon with OpenJDK 17, these loops lose to OpenBLAS at every layer shape of the
 * reference workloads, down to 32 x 16 x 2, so the product code does not use them.
 */
final class JavaLoopGemm {

    private JavaLoopGemm() {
    }

    static void gemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                     double alpha, double[] a, double[] b, double beta, double[] c) {
        scale(c, m * n, beta);
        if (!transposeB) {
            accumulateRows(transposeA, m, n, k, alpha, a, b, c);
        } else if (!transposeA) {
            accumulateDots(m, n, k, alpha, a, b, c);
        } else {
            accumulateTransposedBoth(m, n, k, alpha, a, b, c);
        }
    }

    private static void scale(double[] c, int count, double beta) {
        if (beta == 0) {
            java.util.Arrays.fill(c, 0, count, 0.0);
        } else if (beta != 1) {
            for (int i = 0; i < count; i++) {
                c[i] *= beta;
            }
        }
    }

    /**
     * c += alpha * op(a) * b, one row of c at a time as a sum of scaled rows of b; the inner loop runs
     * over contiguous rows, which the JIT compiles to vector instructions.
     */
    private static void accumulateRows(boolean transposeA, int m, int n, int k, double alpha,
                                       double[] a, double[] b, double[] c) {
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            for (int p = 0; p < k; p++) {
                double factor = alpha * (transposeA ? a[p * m + i] : a[i * k + p]);
                int bRow = p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += factor * b[bRow + j];
                }
            }
        }
    }

    /**
     * c += alpha * a * b^T with {@code b} stored {@code n x k}: dot products of rows, four columns of c
     * at a time so that four independent sums are in flight.
     */
    private static void accumulateDots(int m, int n, int k, double alpha, double[] a, double[] b, double[] c) {
        for (int i = 0; i < m; i++) {
            int aRow = i * k;
            int cRow = i * n;
            int j = 0;
            for (; j + 4 <= n; j += 4) {
                int b0 = j * k;
                int b1 = b0 + k;
                int b2 = b1 + k;
                int b3 = b2 + k;
                double sum0 = 0;
                double sum1 = 0;
                double sum2 = 0;
                double sum3 = 0;
                for (int p = 0; p < k; p++) {
                    double value = a[aRow + p];
                    sum0 += value * b[b0 + p];
                    sum1 += value * b[b1 + p];
                    sum2 += value * b[b2 + p];
                    sum3 += value * b[b3 + p];
                }
                c[cRow + j] += alpha * sum0;
                c[cRow + j + 1] += alpha * sum1;
                c[cRow + j + 2] += alpha * sum2;
                c[cRow + j + 3] += alpha * sum3;
            }
            for (; j < n; j++) {
                c[cRow + j] += alpha * dot(a, aRow, b, j * k, k);
            }
        }
    }

    /** c += alpha * a^T * b^T with {@code a} stored {@code k x m} and {@code b} stored {@code n x k}. */
    private static void accumulateTransposedBoth(int m, int n, int k, double alpha, double[] a, double[] b, double[] c) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[p * m + i] * b[j * k + p];
                }
                c[i * n + j] += alpha * sum;
            }
        }
    }

    private static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double sum = 0;
        for (int p = 0; p < length; p++) {
            sum += a[aOffset + p] * b[bOffset + p];
        }
        return sum;
    }
}
