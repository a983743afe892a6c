package dev.layerscope.web;

import dev.layerscope.session.Prediction;
import dev.layerscope.session.Session;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.web.protocol.Json;
import dev.layerscope.web.protocol.ServerMessage;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open connections to one session: admits them up to the viewer limit, shares one
 * {@link FrameCache}, sends viewers the {@code detail} frames of at most one snapshot, and at
 * most one {@code prediction}, per {@value #VIEWER_HEAVY_INTERVAL_MILLIS} ms, and pushes the
 * viewer count, at most every {@value #COUNT_INTERVAL_MILLIS} ms.
 */
final class SessionChannel {

    static final long COUNT_INTERVAL_MILLIS = 500;
    /** Minimum time between two heavy frames of one kind ({@code detail}, {@code prediction}) sent to viewers. */
    static final long VIEWER_HEAVY_INTERVAL_MILLIS = 1000;

    /** The pacers of the heavy frames that viewers receive. */
    record ViewerPacing(HeavyFramePacer<EpochStats> detail, HeavyFramePacer<Prediction> prediction) {
    }

    private final Session session;
    private final FrameCache frames = new FrameCache();
    private final ScheduledExecutorService timer;
    private final ViewerPacing viewerPacing;

    // Guarded by this.
    private final Set<Subscriber> connections = new HashSet<>();
    private boolean countPushScheduled;

    SessionChannel(Session session, ScheduledExecutorService timer) {
        this.session = session;
        this.timer = timer;
        this.viewerPacing = new ViewerPacing(
                new HeavyFramePacer<>(VIEWER_HEAVY_INTERVAL_MILLIS, timer, this::sendSkippedDetail),
                new HeavyFramePacer<>(VIEWER_HEAVY_INTERVAL_MILLIS, timer, this::sendSkippedPrediction));
    }

    Session session() {
        return session;
    }

    FrameCache frames() {
        return frames;
    }

    /** Paces the {@code detail} and {@code prediction} frames of viewers; the owner gets every one. */
    ViewerPacing viewerPacing() {
        return viewerPacing;
    }

    /** Adds {@code connection} unless {@code maxConnections} are open already; returns whether it was added. */
    synchronized boolean join(Subscriber connection, int maxConnections) {
        if (connections.size() >= maxConnections) {
            return false;
        }
        connections.add(connection);
        scheduleCountPush();
        return true;
    }

    synchronized void leave(Subscriber connection) {
        if (connections.remove(connection)) {
            scheduleCountPush();
        }
    }

    synchronized int connectionCount() {
        return connections.size();
    }

    synchronized boolean isEmpty() {
        return connections.isEmpty();
    }

    private void scheduleCountPush() {
        if (!countPushScheduled) {
            countPushScheduled = true;
            timer.schedule(this::pushCount, COUNT_INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void sendSkippedDetail(EpochStats stats) {
        for (Subscriber connection : recipients()) {
            connection.sendSkippedDetail(stats);
        }
    }

    private void sendSkippedPrediction(Prediction prediction) {
        for (Subscriber connection : recipients()) {
            connection.sendSkippedPrediction(prediction);
        }
    }

    private synchronized Set<Subscriber> recipients() {
        return Set.copyOf(connections);
    }

    private void pushCount() {
        Set<Subscriber> recipients;
        EncodedFrame frame;
        synchronized (this) {
            countPushScheduled = false;
            recipients = recipients();
            frame = EncodedFrame.of(Json.write(new ServerMessage.ViewerCount(connections.size())));
        }
        for (Subscriber connection : recipients) {
            connection.send(frame);
        }
    }
}
