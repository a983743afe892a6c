package dev.layerscope.training;

/**
 * A deep copy of everything a {@link Trainer} needs to continue bit for bit: parameters, batch
 * normalization running averages, optimizer state, the epoch's sample order and position, the random
 * streams, the counters and the learning rate. Immutable: arrays are copied in and out.
 */
public final class TrainerState {

    private final int epoch;
    private final long step;
    private final int batchInEpoch;
    private final double baseLearningRate;
    private final double lastLearningRate;
    private final double[][] parameters;
    private final double[][] runningMeans;
    private final double[][] runningVariances;
    private final long optimizerUpdates;
    private final double[][] optimizerFirst;
    private final double[][] optimizerSecond;
    private final double[] updateNorms;
    private final int[] order;
    private final long shuffleState;
    private final long dropoutState;

    TrainerState(int epoch, long step, int batchInEpoch, double baseLearningRate, double lastLearningRate,
                 double[][] parameters, double[][] runningMeans, double[][] runningVariances, long optimizerUpdates,
                 double[][] optimizerFirst, double[][] optimizerSecond, double[] updateNorms, int[] order,
                 long shuffleState, long dropoutState) {
        this.epoch = epoch;
        this.step = step;
        this.batchInEpoch = batchInEpoch;
        this.baseLearningRate = baseLearningRate;
        this.lastLearningRate = lastLearningRate;
        this.parameters = deepCopy(parameters);
        this.runningMeans = deepCopy(runningMeans);
        this.runningVariances = deepCopy(runningVariances);
        this.optimizerUpdates = optimizerUpdates;
        this.optimizerFirst = deepCopy(optimizerFirst);
        this.optimizerSecond = deepCopy(optimizerSecond);
        this.updateNorms = updateNorms.clone();
        this.order = order.clone();
        this.shuffleState = shuffleState;
        this.dropoutState = dropoutState;
    }

    static double[][] deepCopy(double[][] arrays) {
        double[][] copy = new double[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            copy[i] = arrays[i].clone();
        }
        return copy;
    }

    public int epoch() {
        return epoch;
    }

    public long step() {
        return step;
    }

    public double baseLearningRate() {
        return baseLearningRate;
    }

    int batchInEpoch() {
        return batchInEpoch;
    }

    double lastLearningRate() {
        return lastLearningRate;
    }

    double[][] parameters() {
        return deepCopy(parameters);
    }

    double[][] runningMeans() {
        return deepCopy(runningMeans);
    }

    double[][] runningVariances() {
        return deepCopy(runningVariances);
    }

    long optimizerUpdates() {
        return optimizerUpdates;
    }

    double[][] optimizerFirst() {
        return deepCopy(optimizerFirst);
    }

    double[][] optimizerSecond() {
        return deepCopy(optimizerSecond);
    }

    double[] updateNorms() {
        return updateNorms.clone();
    }

    int[] order() {
        return order.clone();
    }

    long shuffleState() {
        return shuffleState;
    }

    long dropoutState() {
        return dropoutState;
    }
}
