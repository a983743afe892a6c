package dev.layerscope.training;

import dev.layerscope.data.Dataset;
import dev.layerscope.math.RandomStream;

/**
 * Times the part of a statistics snapshot that scores loss and accuracy on the training and test splits,
 * so that benchmarks can split a snapshot's cost into scoring and per-layer statistics. Lives in this
 * package for access to the trainer's network; used by the benchmarks, never by the product.
 */
public final class ScoringTimer {

    private ScoringTimer() {
    }

    /** Returns the wall seconds of one scoring pass over both splits with the trainer's current weights. */
    public static double scoringSeconds(Trainer trainer, Dataset dataset) {
        Evaluation evaluation = new Evaluation(trainer.network(), dataset.train(), dataset.test(),
                trainer.config().stats().evalSamples(), new RandomStream(0));
        long started = System.nanoTime();
        evaluation.score(dataset.train(), StatisticsPass.MAX_TRAIN_SAMPLES);
        evaluation.score(dataset.test(), StatisticsPass.MAX_TEST_SAMPLES);
        return (System.nanoTime() - started) / 1e9;
    }
}
