package dev.layerscope.web;

import dev.layerscope.session.Session;
import dev.layerscope.web.protocol.Json;
import dev.layerscope.web.protocol.ServerMessage;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open connections to one session: admits them up to the viewer limit, shares one
 * {@link FrameCache}, and pushes the viewer count, at most every {@value #COUNT_INTERVAL_MILLIS} ms.
 */
final class SessionChannel {

    static final long COUNT_INTERVAL_MILLIS = 500;

    private final Session session;
    private final FrameCache frames = new FrameCache();
    private final ScheduledExecutorService timer;

    // Guarded by this.
    private final Set<Subscriber> connections = new HashSet<>();
    private boolean countPushScheduled;

    SessionChannel(Session session, ScheduledExecutorService timer) {
        this.session = session;
        this.timer = timer;
    }

    Session session() {
        return session;
    }

    FrameCache frames() {
        return frames;
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

    private void pushCount() {
        Set<Subscriber> recipients;
        String frame;
        synchronized (this) {
            countPushScheduled = false;
            recipients = Set.copyOf(connections);
            frame = Json.write(new ServerMessage.ViewerCount(connections.size()));
        }
        for (Subscriber connection : recipients) {
            connection.send(frame);
        }
    }
}
