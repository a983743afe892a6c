package dev.layerscope.training;

import dev.layerscope.config.OptimizerKind;
import dev.layerscope.config.RunConfig;
import dev.layerscope.network.Activation;
import dev.layerscope.network.LayerSpec;

/**
 * Counts the doubles a {@link Trainer} allocates for a configuration: parameters and their gradients,
 * optimizer state, one row per sample of every per-layer buffer, and the batch and evaluation copies.
 * The dataset itself and small per-run objects are not counted.
 */
final class MemoryEstimate {

    private MemoryEstimate() {
    }

    static long bytes(RunConfig config, int featureCount, int outputCount, int trainCount) {
        int batchSize = Math.min(config.training().batchSize(), trainCount);
        int evalRows = Math.min(config.stats().evalSamples(), trainCount);
        long maxRows = Math.max(batchSize, evalRows);
        OptimizerKind optimizer = config.training().optimizer();
        int stateArrays = switch (optimizer) {
            case SGD -> 0;
            case ADAM -> 2;
            default -> 1;
        };
        long doubles = 0;
        int fanIn = featureCount;
        long widest = outputCount;
        long maxWeightCount = 0;
        for (LayerSpec layer : config.network().hiddenLayers()) {
            widest = Math.max(widest, layer.width());
            maxWeightCount = Math.max(maxWeightCount, (long) layer.width() * fanIn);
            long parameters = (long) layer.width() * fanIn + (layer.batchNorm() ? 2L : 1L) * layer.width();
            doubles += parameters * (2 + stateArrays);
            doubles += maxRows * layer.width() * rowBuffers(layer);
            // Batch normalization also keeps a handful of per-unit arrays.
            doubles += layer.batchNorm() ? 8L * layer.width() : 0;
            fanIn = layer.width();
        }
        long outputParameters = (long) outputCount * fanIn + outputCount;
        doubles += outputParameters * (2 + stateArrays);
        // The output layer has z, dL/da and dL/dz per sample, and the network keeps the predictions.
        doubles += maxRows * outputCount * 4L;
        // The trainer's batch copy, the fixed evaluation batch and the scoring chunk.
        doubles += (batchSize + evalRows + maxRows) * (long) (featureCount + outputCount);
        // The statistics pass's heap copies of the widest layer's rows and of the largest weight matrix.
        maxWeightCount = Math.max(maxWeightCount, (long) outputCount * fanIn);
        doubles += 3L * evalRows * widest + 2L * maxWeightCount + widest;
        return doubles * Double.BYTES;
    }

    /** Per-sample buffers of a hidden layer, each {@code width} doubles per row. */
    private static int rowBuffers(LayerSpec layer) {
        // z, dL/da and dL/dz always; a = f(z) unless f is the identity.
        int buffers = layer.activation() == Activation.LINEAR ? 3 : 4;
        if (layer.batchNorm()) {
            // Wx before normalization and the normalized values.
            buffers += 2;
        }
        if (layer.dropout() > 0) {
            // The mask and the dropped-out output.
            buffers += 2;
        }
        return buffers;
    }
}
