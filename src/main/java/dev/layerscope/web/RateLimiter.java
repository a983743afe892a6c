package dev.layerscope.web;

import java.util.function.LongSupplier;

/**
 * A token bucket for one connection's messages: {@code perSecond} tokens a second, bursts of up to
 * twice that. Dropped messages are counted, and a notice of them is due at most once a second, so a
 * flood of messages cannot make the server send back a flood of errors. Not thread-safe: Jetty
 * delivers one connection's messages one at a time.
 */
final class RateLimiter {

    private static final long NOTICE_INTERVAL_NANOS = 1_000_000_000L;

    private final double perSecond;
    private final double capacity;
    private final LongSupplier clock;
    private double tokens;
    private long lastRefillNanos;
    private int droppedSinceNotice;
    private long lastNoticeNanos;
    private boolean noticeSent;

    RateLimiter(int perSecond) {
        this(perSecond, System::nanoTime);
    }

    /** A limiter that reads the time in nanoseconds from {@code clock}. */
    RateLimiter(int perSecond, LongSupplier clock) {
        this.perSecond = perSecond;
        this.capacity = 2.0 * perSecond;
        this.clock = clock;
        this.tokens = capacity;
        this.lastRefillNanos = clock.getAsLong();
    }

    /** Takes one token; returns false when none is left. */
    boolean tryAcquire() {
        long now = clock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefillNanos) * perSecond / 1e9);
        lastRefillNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /**
     * Counts one dropped message. Returns the messages dropped since the last notice, this one
     * included, when a notice is due (none was sent in the last second), and 0 otherwise.
     */
    int recordDrop() {
        droppedSinceNotice++;
        long now = clock.getAsLong();
        if (noticeSent && now - lastNoticeNanos < NOTICE_INTERVAL_NANOS) {
            return 0;
        }
        int dropped = droppedSinceNotice;
        droppedSinceNotice = 0;
        lastNoticeNanos = now;
        noticeSent = true;
        return dropped;
    }
}
