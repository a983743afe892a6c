package dev.layerscope.session;

import dev.layerscope.config.RunConfig;
import dev.layerscope.stats.EpochStats;

/**
 * Receives a session's events. Called on the training thread or a web thread while the session's
 * lock is held, so implementations must only queue work and return; they must not block or call
 * back into the session.
 */
public interface SessionListener {

    /** A statistics snapshot was added to the history; {@code stats} is complete, heavy parts included. */
    void onEpoch(EpochStats stats);

    /**
     * Follows {@link #onEpoch} with the same snapshot once every listener has had its
     * {@code onEpoch}, so a listener that sends many clients can send all of them the scalars before
     * any client's heavy parts.
     */
    default void onEpochDetail(EpochStats stats) {
    }

    /** The status, learning rate or speed changed. */
    void onState(SessionState state);

    /** One optimizer step requested with {@code stepBatch} finished. */
    void onBatch(long step, int epoch, double batchLoss);

    /** A new prediction was made (after an epoch, or on a rebuild); only the latest one matters. */
    void onPrediction(Prediction prediction);

    /** The history was cleared and the network rebuilt from {@code config}; an {@link #onEpoch} for epoch 0 follows. */
    void onReset(RunConfig config, SessionState state);

    /** The session was closed (expired or the server is stopping); no event follows. */
    void onClosed(String reason);
}
