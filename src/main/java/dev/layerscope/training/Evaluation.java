package dev.layerscope.training;

import dev.layerscope.data.Split;
import dev.layerscope.math.NativeArray;
import dev.layerscope.math.RandomStream;
import dev.layerscope.network.Network;

/**
 * The data that statistics are measured on: the fixed evaluation batch (drawn once from the training split
 * with its own seeded stream, so that epochs compare) and the splits scored for loss and accuracy.
 */
final class Evaluation {

    private final Network network;
    private final Split train;
    private final Split test;
    private final int evalRows;
    private final NativeArray evalInput;
    private final double[] evalTargets;
    private final NativeArray chunkInput;
    private final double[] chunkTargets;
    private final int[] scoredRows;

    Evaluation(Network network, Split train, Split test, int evalSamples, RandomStream random) {
        this.network = network;
        this.train = train;
        this.test = test;
        evalRows = Math.min(evalSamples, train.sampleCount());
        int[] order = new int[train.sampleCount()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        random.shuffle(order);
        evalInput = new NativeArray(evalRows * train.featureCount());
        evalTargets = new double[evalRows * train.outputCount()];
        Batches.gather(train, order, 0, evalRows, evalInput, evalTargets);
        chunkInput = new NativeArray(network.maxRows() * train.featureCount());
        chunkTargets = new double[network.maxRows() * train.outputCount()];
        scoredRows = new int[network.maxRows()];
    }

    /**
     * Returns {mean loss, accuracy} over at most {@code maxSamples} samples of {@code split}, in inference
     * mode. A larger split is sampled evenly, sample floor(i * count / maxSamples) for i < maxSamples, so
     * the subset is fixed and follows the split's order without favouring its beginning.
     */
    double[] score(Split split, int maxSamples) {
        int total = Math.min(split.sampleCount(), maxSamples);
        if (total == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int outputs = split.outputCount();
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < total; start += network.maxRows()) {
            int rows = Math.min(network.maxRows(), total - start);
            for (int i = 0; i < rows; i++) {
                scoredRows[i] = (int) ((long) (start + i) * split.sampleCount() / total);
            }
            Batches.gather(split, scoredRows, 0, rows, chunkInput, chunkTargets);
            network.forward(chunkInput, rows, Network.Mode.INFERENCE);
            lossSum += network.loss(chunkTargets) * rows;
            if (split.isClassification()) {
                correct += countCorrect(network.predictions(), split.labels(), scoredRows, rows, outputs);
            }
        }
        double accuracy = split.isClassification() ? (double) correct / total : Double.NaN;
        return new double[] {lossSum / total, accuracy};
    }

    private static long countCorrect(double[] predictions, int[] labels, int[] sampleRows, int rows, int outputs) {
        long correct = 0;
        for (int row = 0; row < rows; row++) {
            int best = 0;
            for (int k = 1; k < outputs; k++) {
                if (predictions[row * outputs + k] > predictions[row * outputs + best]) {
                    best = k;
                }
            }
            if (best == labels[sampleRows[row]]) {
                correct++;
            }
        }
        return correct;
    }

    /**
     * Writes the predictions for {@code rows} samples of {@code features} ({@code rows x featureCount},
     * row-major) into {@code predictions}, in inference mode and in chunks of the network's buffer size.
     */
    void predict(double[] features, int rows, double[] predictions) {
        int featureCount = train.featureCount();
        int outputs = train.outputCount();
        for (int start = 0; start < rows; start += network.maxRows()) {
            int chunk = Math.min(network.maxRows(), rows - start);
            chunkInput.copyFrom(features, start * featureCount, 0, chunk * featureCount);
            network.forward(chunkInput, chunk, Network.Mode.INFERENCE);
            System.arraycopy(network.predict(), 0, predictions, start * outputs, chunk * outputs);
        }
    }

    Split train() {
        return train;
    }

    Split test() {
        return test;
    }

    int evalRows() {
        return evalRows;
    }

    NativeArray evalInput() {
        return evalInput;
    }

    double[] evalTargets() {
        return evalTargets;
    }

    /** Returns E[x^2] over every feature of the evaluation batch: the input's second moment. */
    double inputSecondMoment() {
        double squares = 0;
        for (int i = 0; i < evalInput.length(); i++) {
            squares += evalInput.get(i) * evalInput.get(i);
        }
        return squares / evalInput.length();
    }
}
