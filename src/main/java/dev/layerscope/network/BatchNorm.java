package dev.layerscope.network;

import dev.layerscope.math.NativeArray;

import java.util.Arrays;

/**
 * Batch normalization of one layer's values Wx, per unit (Ioffe and Szegedy, 2015):
 * y = gamma * (x - mean) / sqrt(var + epsilon) + beta. Training normalizes with the batch's mean and
 * (biased) variance and updates the running averages; inference uses the running averages.
 */
public final class BatchNorm {

    public static final double EPSILON = 1e-5;
    /** Weight of the newest batch in the running averages. */
    public static final double MOMENTUM = 0.1;

    private final int width;
    final NativeArray gamma;
    final NativeArray beta;
    final NativeArray gammaGradient;
    final NativeArray betaGradient;
    final double[] runningMean;
    final double[] runningVariance;
    private final double[] batchMean;
    private final double[] inverseStd;
    private final double[] normalized;
    private final double[] sumGradient;
    private final double[] sumGradientTimesNormalized;

    BatchNorm(int width, int maxRows) {
        this.width = width;
        gamma = new NativeArray(width);
        gamma.fill(1.0);
        beta = new NativeArray(width);
        gammaGradient = new NativeArray(width);
        betaGradient = new NativeArray(width);
        runningMean = new double[width];
        runningVariance = new double[width];
        Arrays.fill(runningVariance, 1.0);
        batchMean = new double[width];
        inverseStd = new double[width];
        normalized = new double[maxRows * width];
        sumGradient = new double[width];
        sumGradientTimesNormalized = new double[width];
    }

    /** Normalizes {@code x} into {@code y} with the batch's own statistics; updates running averages when asked. */
    void forwardWithBatchStatistics(NativeArray x, NativeArray y, int rows, boolean updateRunning) {
        Arrays.fill(batchMean, 0.0);
        Arrays.fill(inverseStd, 0.0);
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < width; j++) {
                batchMean[j] += x.get(row * width + j);
            }
        }
        for (int j = 0; j < width; j++) {
            batchMean[j] /= rows;
        }
        // inverseStd first accumulates the sum of squared deviations.
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < width; j++) {
                double deviation = x.get(row * width + j) - batchMean[j];
                inverseStd[j] += deviation * deviation;
            }
        }
        for (int j = 0; j < width; j++) {
            double variance = inverseStd[j] / rows;
            inverseStd[j] = 1 / Math.sqrt(variance + EPSILON);
            if (updateRunning) {
                double unbiased = rows > 1 ? variance * rows / (rows - 1) : variance;
                runningMean[j] = (1 - MOMENTUM) * runningMean[j] + MOMENTUM * batchMean[j];
                runningVariance[j] = (1 - MOMENTUM) * runningVariance[j] + MOMENTUM * unbiased;
            }
        }
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < width; j++) {
                int i = row * width + j;
                normalized[i] = (x.get(i) - batchMean[j]) * inverseStd[j];
                y.set(i, gamma.get(j) * normalized[i] + beta.get(j));
            }
        }
    }

    /** Normalizes {@code x} into {@code y} with the running averages, as at inference. */
    void forwardWithRunningStatistics(NativeArray x, NativeArray y, int rows) {
        for (int j = 0; j < width; j++) {
            inverseStd[j] = 1 / Math.sqrt(runningVariance[j] + EPSILON);
        }
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < width; j++) {
                int i = row * width + j;
                y.set(i, gamma.get(j) * (x.get(i) - runningMean[j]) * inverseStd[j] + beta.get(j));
            }
        }
    }

    /**
     * Turns dL/dy into dL/dx in place and writes dL/dgamma and dL/dbeta, for the batch of the last
     * {@link #forwardWithBatchStatistics} call:
     * dx = inverseStd / rows * (rows * g - sum(g) - xhat * sum(g * xhat)) with g = gamma * dy.
     */
    void backwardInPlace(NativeArray gradient, int rows) {
        betaGradient.fill(0.0);
        gammaGradient.fill(0.0);
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < width; j++) {
                int i = row * width + j;
                betaGradient.set(j, betaGradient.get(j) + gradient.get(i));
                gammaGradient.set(j, gammaGradient.get(j) + gradient.get(i) * normalized[i]);
            }
        }
        for (int j = 0; j < width; j++) {
            sumGradient[j] = gamma.get(j) * betaGradient.get(j);
            sumGradientTimesNormalized[j] = gamma.get(j) * gammaGradient.get(j);
        }
        for (int row = 0; row < rows; row++) {
            for (int j = 0; j < width; j++) {
                int i = row * width + j;
                double scaled = gamma.get(j) * gradient.get(i);
                gradient.set(i, inverseStd[j] / rows
                        * (rows * scaled - sumGradient[j] - normalized[i] * sumGradientTimesNormalized[j]));
            }
        }
    }

    /** Running mean per unit, used at inference (live: callers that keep it must copy it). */
    public double[] runningMean() {
        return runningMean;
    }

    /** Running variance per unit, used at inference (live: callers that keep it must copy it). */
    public double[] runningVariance() {
        return runningVariance;
    }
}
