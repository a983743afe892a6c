package dev.layerscope.math;

import smile.math.blas.BLAS;
import smile.math.blas.Layout;
import smile.math.blas.Transpose;

/**
 * Matrix products on flat row-major arrays, computed by the BLAS that Smile binds (OpenBLAS). Callers
 * pass preallocated arrays, so a product allocates nothing on the Java heap. Products on
 * {@link NativeArray}s reach OpenBLAS by address. Smile's binding copies {@code double[]} arguments into
 * native memory and back on every call, which made the products of a 784 -> 256 -> ... -> 10 network
 * about 30% slower on one thread (docs/benchmarks.md), so training uses native arrays.
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

    /** The same product as {@link #gemm(boolean, boolean, int, int, int, double, double[], double[], double, double[])} on native arrays. */
    public static void gemm(boolean transposeA, boolean transposeB, int m, int n, int k,
                            double alpha, NativeArray a, NativeArray b, double beta, NativeArray c) {
        if (m == 0 || n == 0) {
            return;
        }
        int lda = transposeA ? m : k;
        int ldb = transposeB ? k : n;
        // OpenBLAS would read or write past native memory without these checks, and crash the JVM.
        requireSize("a", a, (long) m * k);
        requireSize("b", b, (long) k * n);
        requireSize("c", c, (long) m * n);
        ENGINE.gemm(Layout.ROW_MAJOR, op(transposeA), op(transposeB), m, n, k,
                alpha, a.buffer(), lda, b.buffer(), ldb, beta, c.buffer(), n);
    }

    private static void requireSize(String name, NativeArray array, long needed) {
        if (array.length() < needed) {
            throw new IllegalArgumentException("matrix " + name + " needs " + needed + " values, its array has " + array.length());
        }
    }

    private static Transpose op(boolean transpose) {
        return transpose ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE;
    }
}
