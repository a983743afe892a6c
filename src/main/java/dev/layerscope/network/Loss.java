package dev.layerscope.network;

import dev.layerscope.math.NativeArray;

/**
 * Output losses. Both work on row-major {@code rows x outputs} buffers of the output layer's values z
 * and of the targets, and average over the rows, so gradients are means over the batch.
 */
public enum Loss {

    /** Softmax over each row, then cross-entropy -sum_k t_k log p_k with the target row t. */
    SOFTMAX_CROSS_ENTROPY {
        @Override
        double evaluate(NativeArray z, double[] targets, int rows, int outputs, double[] predictions, NativeArray gradient) {
            double total = 0;
            for (int row = 0; row < rows; row++) {
                int offset = row * outputs;
                double logSum = logSumExp(z, offset, outputs);
                for (int k = 0; k < outputs; k++) {
                    double logProbability = z.get(offset + k) - logSum;
                    double probability = Math.exp(logProbability);
                    double target = targets[offset + k];
                    predictions[offset + k] = probability;
                    if (target != 0) {
                        total -= target * logProbability;
                    }
                    if (gradient != null) {
                        gradient.set(offset + k, (probability - target) / rows);
                    }
                }
            }
            return total / rows;
        }
    },
    /** Mean squared error over every output of every row: mean of (z - t)^2; predictions are z. */
    MSE {
        @Override
        double evaluate(NativeArray z, double[] targets, int rows, int outputs, double[] predictions, NativeArray gradient) {
            int count = rows * outputs;
            double total = 0;
            for (int i = 0; i < count; i++) {
                double value = z.get(i);
                double difference = value - targets[i];
                predictions[i] = value;
                total += difference * difference;
                if (gradient != null) {
                    gradient.set(i, 2 * difference / count);
                }
            }
            return total / count;
        }
    };

    /** Writes the predictions for the output values {@code z}: softmax probabilities, or z itself for MSE. */
    void predict(NativeArray z, int rows, int outputs, double[] predictions) {
        if (this == MSE) {
            z.copyTo(0, predictions, 0, rows * outputs);
            return;
        }
        for (int row = 0; row < rows; row++) {
            int offset = row * outputs;
            double logSum = logSumExp(z, offset, outputs);
            for (int k = 0; k < outputs; k++) {
                predictions[offset + k] = Math.exp(z.get(offset + k) - logSum);
            }
        }
    }

    /** Returns log(sum_k e^{z_k}) over one row, shifted by the row's maximum so no exponential overflows. */
    private static double logSumExp(NativeArray z, int offset, int outputs) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < outputs; k++) {
            max = Math.max(max, z.get(offset + k));
        }
        double sum = 0;
        for (int k = 0; k < outputs; k++) {
            sum += Math.exp(z.get(offset + k) - max);
        }
        return max + Math.log(sum);
    }

    /**
     * Returns the mean loss over {@code rows}, writes the predictions, and, when {@code gradient} is
     * not null, writes dL/dz into it.
     */
    abstract double evaluate(NativeArray z, double[] targets, int rows, int outputs, double[] predictions, NativeArray gradient);
}
