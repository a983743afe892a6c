package dev.layerscope.math;

import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * Matrix products on flat row-major arrays, computed by the BLAS that Smile binds (OpenBLAS). Callers
 * pass preallocated arrays, so a product allocates nothing on the Java heap.
 */
public final class Blas {

    private static final BLAS ENGINE = BLAS.engine;

    private Blas() {
    }

    /**
     * Computes {@code c = alpha * op(a) * op(b) + beta * c} where {@code op(a)} is {@code m x k},
     * {@code op(b)} is {@code k x n} and {@code c} is {@code m x n}, all row-major and densely packed.
     *
     * @param transposeA whether {@code a} is stored as {@code k x m} and used transposed
     * @param transposeB whether {@code b} is stored as {@code n x k} and used transposed
     */
    public static void gemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                            double alpha, double[] a, double[] b, double beta, double[] c) {
        if (m == 0 || n == 0) {
            return;
        }
        int lda = transposeA ? m : k;
        int ldb = transposeB ? k : n;
        ENGINE.gemm(Layout.ROW_MAJOR, op(transposeA), op(transposeB), m, n, k,
                alpha, a, lda, b, ldb, beta, c, n);
    }

    private static Transpose op(boolean transpose) {
        return transpose ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE;
    }
}
