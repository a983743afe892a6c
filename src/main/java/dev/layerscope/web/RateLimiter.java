package dev.layerscope.web;

/**
 * A token bucket for one connection's messages: {@code perSecond} tokens a second, bursts of up to
 * twice that. Not thread-safe; Jetty delivers one connection's messages one at a time.
 */
final class RateLimiter {

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long lastRefillNanos;

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.capacity = 2.0 * perSecond;
        this.tokens = capacity;
        this.lastRefillNanos = System.nanoTime();
    }

    /** Takes one token; returns false when none is left. */
    boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastRefillNanos) * perSecond / 1e9);
        lastRefillNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
