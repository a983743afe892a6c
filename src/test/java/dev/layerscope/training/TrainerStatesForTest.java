package dev.layerscope.training;

import java.util.Arrays;

/** Compares saved trainer states field by field, for tests outside this package (fork, restore). */
public final class TrainerStatesForTest {

    private TrainerStatesForTest() {
    }

    /**
     * Returns whether two states hold bit-identical parameters, batch-norm running statistics,
     * optimizer moments, sample order and random-stream states.
     */
    public static boolean sameParameters(TrainerState a, TrainerState b) {
        return Arrays.deepEquals(a.parameters(), b.parameters())
                && Arrays.deepEquals(a.runningMeans(), b.runningMeans())
                && Arrays.deepEquals(a.runningVariances(), b.runningVariances())
                && a.optimizerUpdates() == b.optimizerUpdates()
                && Arrays.deepEquals(a.optimizerFirst(), b.optimizerFirst())
                && Arrays.deepEquals(a.optimizerSecond(), b.optimizerSecond())
                && Arrays.equals(a.order(), b.order())
                && a.shuffleState() == b.shuffleState()
                && a.dropoutState() == b.dropoutState();
    }
}
