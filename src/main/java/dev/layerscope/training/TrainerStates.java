package dev.layerscope.training;

import dev.layerscope.math.NativeArray;
import dev.layerscope.network.DenseLayer;
import dev.layerscope.network.Network;
import dev.layerscope.network.Parameter;

import java.util.ArrayList;
import java.util.List;

/** Copies a {@link Trainer}'s state out into a {@link TrainerState} and back in. */
final class TrainerStates {

    private TrainerStates() {
    }

    static TrainerState capture(Trainer trainer) {
        Network network = trainer.network();
        List<Parameter> parameters = network.parameters();
        double[][] values = new double[parameters.size()][];
        for (int p = 0; p < values.length; p++) {
            values[p] = parameters.get(p).values().toArray();
        }
        List<double[]> means = new ArrayList<>();
        List<double[]> variances = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            if (layer.hasBatchNorm()) {
                means.add(layer.batchNorm().runningMean());
                variances.add(layer.batchNorm().runningVariance());
            }
        }
        Optimizer optimizer = trainer.optimizer();
        // The update norms of the last step come from its weight gradients.
        network.recomputeWeightGradients();
        // The TrainerState constructor deep-copies every array handed to it, the parameters a second time.
        return new TrainerState(trainer.epoch(), trainer.step(), trainer.batchInEpoch(), trainer.learningRate(),
                trainer.lastLearningRate(), values, means.toArray(new double[0][]), variances.toArray(new double[0][]),
                optimizer.updates(), optimizer.firstMoments(), optimizer.secondMoments(), optimizer.updateNorms(),
                trainer.order(), trainer.shuffleRandom().state(), network.dropoutRandom().state());
    }

    static void apply(Trainer trainer, TrainerState state) {
        Network network = trainer.network();
        List<Parameter> parameters = network.parameters();
        double[][] values = state.parameters();
        if (values.length != parameters.size()) {
            throw new IllegalArgumentException("saved state has " + values.length + " parameter arrays, the network "
                    + parameters.size() + ": it was saved for another configuration");
        }
        for (int p = 0; p < values.length; p++) {
            copyInto(values[p], parameters.get(p).values(), parameters.get(p).name() + " of layer " + parameters.get(p).layerIndex());
        }
        double[][] means = state.runningMeans();
        double[][] variances = state.runningVariances();
        int normalized = 0;
        for (DenseLayer layer : network.layers()) {
            if (layer.hasBatchNorm()) {
                copyInto(means[normalized], layer.batchNorm().runningMean(), "running mean of layer " + layer.layerIndex());
                copyInto(variances[normalized], layer.batchNorm().runningVariance(), "running variance of layer " + layer.layerIndex());
                normalized++;
            }
        }
        trainer.optimizer().restore(state.optimizerUpdates(), state.optimizerFirst(), state.optimizerSecond(), state.updateNorms());
        copyOrder(state.order(), trainer.order());
        trainer.shuffleRandom().setState(state.shuffleState());
        network.dropoutRandom().setState(state.dropoutState());
        trainer.restoreCounters(state.epoch(), state.step(), state.batchInEpoch(), state.baseLearningRate(), state.lastLearningRate());
    }

    private static void copyInto(double[] source, NativeArray target, String what) {
        if (source.length != target.length()) {
            throw new IllegalArgumentException("saved " + what + " has " + source.length + " values, expected " + target.length());
        }
        target.copyFrom(source);
    }

    private static void copyInto(double[] source, double[] target, String what) {
        if (source.length != target.length) {
            throw new IllegalArgumentException("saved " + what + " has " + source.length + " values, expected " + target.length);
        }
        System.arraycopy(source, 0, target, 0, source.length);
    }

    private static void copyOrder(int[] source, int[] target) {
        if (source.length != target.length) {
            throw new IllegalArgumentException("saved sample order has " + source.length + " entries, expected " + target.length);
        }
        System.arraycopy(source, 0, target, 0, source.length);
    }
}
