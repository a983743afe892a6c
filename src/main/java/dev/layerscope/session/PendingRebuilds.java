package dev.layerscope.session;

/**
 * The rebuilds ({@code reset}, {@code applyConfig}) requested of a session and not yet recorded or
 * abandoned, with the owner's commands that arrived since. Those commands apply to the
 * rebuilt trainer, so a {@code start} sent right after {@code reset} runs the new network instead
 * of being undone by the rebuild. Guarded by the session's lock.
 */
final class PendingRebuilds {

    private int count;
    private Session.Mode mode = Session.Mode.IDLE;
    /** The learning rate set since the latest request, or NaN for the configuration's. */
    private double learningRate = Double.NaN;

    /** Records a new request. Commands sent before it no longer apply after the rebuild. */
    void requested() {
        count++;
        mode = Session.Mode.IDLE;
        learningRate = Double.NaN;
    }

    /** Records that one request was carried out, replaced by a later one, or failed. */
    void settled() {
        if (count > 0) {
            count--;
        }
    }

    boolean any() {
        return count > 0;
    }

    /** Returns the mode the owner requested for the rebuilt session. */
    Session.Mode mode() {
        return mode;
    }

    void setMode(Session.Mode newMode) {
        mode = newMode;
    }

    /** Returns the learning rate the rebuilt session starts with, given the configuration's. */
    double learningRate(double configured) {
        return Double.isNaN(learningRate) ? configured : learningRate;
    }

    void setLearningRate(double newLearningRate) {
        learningRate = newLearningRate;
    }

    /** Returns the state the session will have once the latest rebuild is recorded, to check commands against. */
    SessionState stateAfter(SessionState current) {
        Status status = mode == Session.Mode.IDLE ? Status.READY : Status.RUNNING;
        return new SessionState(status, 0, 0, learningRate(current.learningRate()), current.epochsPerSecond(), null);
    }
}
