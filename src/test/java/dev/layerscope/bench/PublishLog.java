package dev.layerscope.bench;

import dev.layerscope.config.RunConfig;
import dev.layerscope.session.Prediction;
import dev.layerscope.session.SessionListener;
import dev.layerscope.session.SessionState;
import dev.layerscope.stats.EpochStats;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Records when a session published each snapshot, by step. Subscribed before any socket joins, so
 * the session calls it before it hands the snapshot to the sockets' subscribers: the moment it
 * records is the start of serialising and sending.
 */
final class PublishLog implements SessionListener {

    private final ConcurrentHashMap<Long, Long> nanosByStep = new ConcurrentHashMap<>();
    private final AtomicInteger published = new AtomicInteger();
    private final int warmupFrames;

    /** A log that times every snapshot. */
    PublishLog() {
        this(0);
    }

    /** A log that leaves the first {@code warmupFrames} snapshots untimed, so their latency is not measured. */
    PublishLog(int warmupFrames) {
        this.warmupFrames = warmupFrames;
    }

    @Override
    public void onEpoch(EpochStats stats) {
        if (published.incrementAndGet() > warmupFrames) {
            nanosByStep.put(stats.step(), System.nanoTime());
        }
    }

    /** Returns the publication time of the snapshot at {@code step}, or null when it was not timed. */
    Long publishedNanos(long step) {
        return nanosByStep.get(step);
    }

    int publishedCount() {
        return published.get();
    }

    @Override
    public void onState(SessionState state) {
    }

    @Override
    public void onBatch(long step, int epoch, double batchLoss) {
    }

    @Override
    public void onPrediction(Prediction prediction) {
    }

    @Override
    public void onReset(RunConfig config, SessionState state) {
        nanosByStep.clear();
    }

    @Override
    public void onClosed(String reason) {
    }
}
