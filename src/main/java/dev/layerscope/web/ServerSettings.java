package dev.layerscope.web;

import dev.layerscope.session.Limits;

/**
 * Everything the server is started with; {@code docs/server.md} documents each setting with its
 * flag, environment variable and default.
 *
 * @param host                   interface to listen on; {@code localhost} by default, {@code 0.0.0.0} for every interface
 * @param port                   TCP port, 0 for any free port
 * @param frameAncestors         the CSP {@code frame-ancestors} sources allowed to embed the page, {@code *} for any site
 * @param trainingThreads        threads of the pool that all sessions share for training
 * @param defaultEpochsPerSecond speed cap of a new session, 0 for none
 * @param maxQueuedChars         unsent frames a connection may have queued before it is closed as too slow
 * @param sendTimeoutSeconds     time one frame may wait to be written before its connection is closed as too slow
 * @param helloTimeoutSeconds    time a new connection has to send {@code hello}
 * @param pingSeconds            interval of WebSocket pings that keep idle connections and proxies open
 */
public record ServerSettings(String host, int port, String frameAncestors, int trainingThreads,
                             double defaultEpochsPerSecond, long maxQueuedChars, int sendTimeoutSeconds,
                             int helloTimeoutSeconds, int pingSeconds, Limits limits) {

    public static final int DEFAULT_PORT = 7070;
    public static final String DEFAULT_HOST = "localhost";

    /** Returns every setting at its default, with the given port. */
    public static ServerSettings defaults(int port) {
        return new ServerSettings(DEFAULT_HOST, port, "*", Math.max(1, Runtime.getRuntime().availableProcessors()),
                5.0, 4L * 1024 * 1024, 30, 10, 30, Limits.DEFAULTS);
    }

    public ServerSettings withLimits(Limits newLimits) {
        return new ServerSettings(host, port, frameAncestors, trainingThreads, defaultEpochsPerSecond, maxQueuedChars,
                sendTimeoutSeconds, helloTimeoutSeconds, pingSeconds, newLimits);
    }

    public ServerSettings withQueueBounds(long newMaxQueuedChars, int newSendTimeoutSeconds) {
        return new ServerSettings(host, port, frameAncestors, trainingThreads, defaultEpochsPerSecond, newMaxQueuedChars,
                newSendTimeoutSeconds, helloTimeoutSeconds, pingSeconds, limits);
    }

    public ServerSettings withFrameAncestors(String newFrameAncestors) {
        return new ServerSettings(host, port, newFrameAncestors, trainingThreads, defaultEpochsPerSecond, maxQueuedChars,
                sendTimeoutSeconds, helloTimeoutSeconds, pingSeconds, limits);
    }

    public ServerSettings withHelloTimeoutSeconds(int seconds) {
        return new ServerSettings(host, port, frameAncestors, trainingThreads, defaultEpochsPerSecond, maxQueuedChars,
                sendTimeoutSeconds, seconds, pingSeconds, limits);
    }
}
