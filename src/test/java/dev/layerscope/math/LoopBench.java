package dev.layerscope.math;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Times the same element loops over {@code double[]} and over {@link NativeArray}, to check that the
 * layers' loops lose little by reading native memory through {@code DoubleBuffer.get} and {@code put}.
 * The loops are a ReLU forward pass over a 64 x 256 batch and an SGD update with its sum of squares
 * over the 256 x 784 weights of workload a's first layer.
 */
public final class LoopBench {

    private static final int ACTIVATIONS = 64 * 256;
    private static final int WEIGHTS = 256 * 784;
    private static final double LEARNING_RATE = 0.01;

    private LoopBench() {
    }

    public static void run(PrintStream out) {
        RandomStream random = new RandomStream(9);
        double[] z = gaussians(ACTIVATIONS, random);
        double[] a = new double[ACTIVATIONS];
        NativeArray nativeZ = NativeArray.of(z);
        NativeArray nativeA = new NativeArray(ACTIVATIONS);
        double[] weights = gaussians(WEIGHTS, random);
        double[] gradients = gaussians(WEIGHTS, random);
        NativeArray nativeWeights = NativeArray.of(weights);
        NativeArray nativeGradients = NativeArray.of(gradients);
        double[] sink = new double[1];

        for (int round = 0; round < 3; round++) {
            double reluArray = nanosPerCall(() -> reluArray(z, a), 2_000);
            double reluNative = nanosPerCall(() -> reluNative(nativeZ, nativeA), 2_000);
            double sgdArray = nanosPerCall(() -> sink[0] += sgdArray(weights, gradients), 200);
            double sgdNative = nanosPerCall(() -> sink[0] += sgdNative(nativeWeights, nativeGradients), 200);
            out.printf(Locale.ROOT, "{\"benchmark\": \"loops\", \"round\": %d, \"relu_array_us\": %.2f, \"relu_native_us\": %.2f, "
                            + "\"sgd_array_us\": %.1f, \"sgd_native_us\": %.1f, \"checksum\": %.3e}%n",
                    round, reluArray / 1e3, reluNative / 1e3, sgdArray / 1e3, sgdNative / 1e3, sink[0]);
        }
    }

    private static void reluArray(double[] z, double[] a) {
        for (int i = 0; i < z.length; i++) {
            a[i] = z[i] > 0 ? z[i] : 0.0;
        }
    }

    private static void reluNative(NativeArray z, NativeArray a) {
        int count = z.length();
        for (int i = 0; i < count; i++) {
            double value = z.get(i);
            a.set(i, value > 0 ? value : 0.0);
        }
    }

    private static double sgdArray(double[] values, double[] gradients) {
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            double change = -LEARNING_RATE * gradients[i];
            values[i] += change;
            squares += change * change;
        }
        return squares;
    }

    private static double sgdNative(NativeArray values, NativeArray gradients) {
        double squares = 0;
        int count = values.length();
        for (int i = 0; i < count; i++) {
            double change = -LEARNING_RATE * gradients.get(i);
            values.set(i, values.get(i) + change);
            squares += change * change;
        }
        return squares;
    }

    /** Returns the best of five mean times per call, in nanoseconds, after one untimed batch. */
    private static double nanosPerCall(Runnable loop, int calls) {
        double best = Double.MAX_VALUE;
        for (int batch = 0; batch < 6; batch++) {
            long started = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                loop.run();
            }
            if (batch > 0) {
                best = Math.min(best, (System.nanoTime() - started) / (double) calls);
            }
        }
        return best;
    }

    private static double[] gaussians(int count, RandomStream random) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextGaussian() * 1e-3;
        }
        return values;
    }
}
