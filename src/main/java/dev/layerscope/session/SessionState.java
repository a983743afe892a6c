package dev.layerscope.session;

/**
 * A session's state as clients see it.
 *
 * @param epoch           epochs completed
 * @param step            optimizer updates done, counted across epochs
 * @param epochsPerSecond the speed cap, 0 for none
 * @param divergence      why training stopped, when {@code status} is {@link Status#DIVERGED}; null otherwise
 */
public record SessionState(Status status, int epoch, long step, double learningRate, double epochsPerSecond,
                           DivergenceReport divergence) {

    SessionState withStatus(Status newStatus) {
        return new SessionState(newStatus, epoch, step, learningRate, epochsPerSecond, divergence);
    }

    SessionState withProgress(int newEpoch, long newStep) {
        return new SessionState(status, newEpoch, newStep, learningRate, epochsPerSecond, divergence);
    }

    SessionState withLearningRate(double newLearningRate) {
        return new SessionState(status, epoch, step, newLearningRate, epochsPerSecond, divergence);
    }

    SessionState withSpeed(double newEpochsPerSecond) {
        return new SessionState(status, epoch, step, learningRate, newEpochsPerSecond, divergence);
    }

    SessionState withDivergence(DivergenceReport report) {
        return new SessionState(Status.DIVERGED, epoch, step, learningRate, epochsPerSecond, report);
    }
}
