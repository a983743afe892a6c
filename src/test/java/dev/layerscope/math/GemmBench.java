package dev.layerscope.math;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Times the layers' matrix products through {@link Blas#gemm} (OpenBLAS) and through
 * {@link JavaLoopGemm}, to check whether small layers would gain from plain Java loops. Each shape
 * is timed as the forward product {@code a * b^T}, the weight gradient {@code a^T * b} and the input
 * gradient {@code a * b}.
 */
public final class GemmBench {

    private static final int[][] SHAPES = {
        {32, 16, 2}, {32, 16, 16}, {32, 32, 32}, {64, 32, 32}, {64, 64, 64}, {256, 16, 16}, {64, 256, 256}, {64, 256, 784},
    };

    private GemmBench() {
    }

    public static void run(PrintStream out) {
        RandomStream random = new RandomStream(3);
        for (int[] shape : SHAPES) {
            for (int combination = 0; combination < 3; combination++) {
                boolean transposeA = combination == 1;
                boolean transposeB = combination == 0;
                double javaNanos = time(shape, transposeA, transposeB, random, true);
                double blasNanos = time(shape, transposeA, transposeB, random, false);
                double flops = 2.0 * shape[0] * shape[1] * shape[2];
                out.printf(Locale.ROOT, "{\"benchmark\": \"gemm\", \"m\": %d, \"n\": %d, \"k\": %d, \"op\": \"%s\", "
                                + "\"java_ns\": %.0f, \"openblas_ns\": %.0f, \"java_gflops\": %.2f, \"openblas_gflops\": %.2f}%n",
                        shape[0], shape[1], shape[2], (transposeA ? "T" : "N") + (transposeB ? "T" : "N"),
                        javaNanos, blasNanos, flops / javaNanos, flops / blasNanos);
            }
        }
    }

    /**
     * Prints the GFLOPS of a 1024 x 1024 double product through {@link Blas#gemm}, the median of seven
     * timings of five products each (as the peers' matmul_gflops.py times numpy): the dgemm ceiling of
     * the OpenBLAS build that Layerscope uses, with the thread count of OPENBLAS_NUM_THREADS. It also
     * times the same call on direct buffers, which Smile passes to OpenBLAS without copying, to show
     * what passing Java arrays costs.
     */
    public static void ceiling(PrintStream out) {
        int n = 1024;
        RandomStream random = new RandomStream(5);
        double[] a = fill(new double[n * n], random);
        double[] b = fill(new double[n * n], random);
        double[] c = new double[n * n];
        double[] arrays = medianOfSeven(() -> Blas.gemm(false, false, n, n, n, 1.0, a, b, 0.0, c), n);
        java.nio.DoubleBuffer directA = direct(a);
        java.nio.DoubleBuffer directB = direct(b);
        java.nio.DoubleBuffer directC = direct(c);
        double[] buffers = medianOfSeven(() -> smile.math.blas.BLAS.engine.gemm(smile.math.blas.Layout.ROW_MAJOR,
                smile.math.blas.Transpose.NO_TRANSPOSE, smile.math.blas.Transpose.NO_TRANSPOSE, n, n, n,
                1.0, directA, n, directB, n, 0.0, directC, n), n);
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        out.printf(Locale.ROOT, "{\"lib\": \"layerscope\", \"blas\": \"OpenBLAS 0.3.26 (bytedeco)\", \"dtype\": \"float64\", "
                        + "\"threads\": \"%s\", \"gflops_median\": %.1f, \"gflops_max\": %.1f, "
                        + "\"direct_buffer_gflops_median\": %.1f}%n",
                threads == null ? "default" : threads, arrays[0], arrays[1], buffers[0]);
    }

    /** Returns {median, max} GFLOPS of seven timings of five calls of an n x n x n product, after one untimed round. */
    private static double[] medianOfSeven(Runnable product, int n) {
        double[] gflops = new double[7];
        for (int round = -1; round < gflops.length; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                product.run();
            }
            if (round >= 0) {
                gflops[round] = 5 * 2.0 * n * n * n / (System.nanoTime() - started);
            }
        }
        java.util.Arrays.sort(gflops);
        return new double[] {gflops[3], gflops[6]};
    }

    private static java.nio.DoubleBuffer direct(double[] values) {
        java.nio.DoubleBuffer buffer = java.nio.ByteBuffer.allocateDirect(values.length * Double.BYTES)
                .order(java.nio.ByteOrder.nativeOrder()).asDoubleBuffer();
        buffer.put(values).rewind();
        return buffer;
    }

    /** Returns the best of five mean times per call, in nanoseconds, over batches of about 50 ms. */
    private static double time(int[] shape, boolean transposeA, boolean transposeB, RandomStream random, boolean java) {
        int m = shape[0];
        int n = shape[1];
        int k = shape[2];
        double[] a = fill(new double[m * k], random);
        double[] b = fill(new double[k * n], random);
        double[] c = new double[m * n];
        int calls = (int) Math.max(10, 2.5e7 / (2.0 * m * n * k));
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 6; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                if (java) {
                    JavaLoopGemm.gemm(transposeA, transposeB, m, n, k, 1.0, a, b, 0.0, c);
                } else {
                    Blas.gemm(transposeA, transposeB, m, n, k, 1.0, a, b, 0.0, c);
                }
            }
            double perCall = (System.nanoTime() - started) / (double) calls;
            if (round > 0) {
                best = Math.min(best, perCall);
            }
        }
        return best;
    }

    private static double[] fill(double[] values, RandomStream random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return values;
    }
}
