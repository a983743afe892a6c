package dev.layerscope.training;

import dev.layerscope.data.Split;
import dev.layerscope.math.NativeArray;

/** Copies selected samples of a split into contiguous batch buffers. */
final class Batches {

    private Batches() {
    }

    /** Copies samples {@code order[from .. from + rows)} of {@code split} into the first rows of the buffers. */
    static void gather(Split split, int[] order, int from, int rows, NativeArray input, double[] targets) {
        int features = split.featureCount();
        int outputs = split.outputCount();
        double[] sourceFeatures = split.features();
        double[] sourceTargets = split.targets();
        for (int i = 0; i < rows; i++) {
            int sample = order[from + i];
            input.copyFrom(sourceFeatures, sample * features, i * features, features);
            System.arraycopy(sourceTargets, sample * outputs, targets, i * outputs, outputs);
        }
    }
}
