package dev.layerscope.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateLimiterTest {

    private long now;

    @Test
    void burstOfTwiceTheRatePasses() {
        RateLimiter limiter = new RateLimiter(2, () -> now);

        for (int i = 0; i < 4; i++) {
            assertTrue(limiter.tryAcquire(), "message " + i);
        }
        assertFalse(limiter.tryAcquire());

        now += 500_000_000L;
        assertTrue(limiter.tryAcquire(), "half a second at 2 per second refills one token");
        assertFalse(limiter.tryAcquire());
    }

    @Test
    void floodGetsOneNoticePerSecond() {
        RateLimiter limiter = new RateLimiter(1, () -> now);

        assertEquals(1, limiter.recordDrop(), "the first drop is reported at once");
        for (int i = 0; i < 49; i++) {
            now += 10_000_000L;
            assertEquals(0, limiter.recordDrop(), "drop " + i + " within the second after the notice");
        }

        now += 510_000_000L;
        assertEquals(50, limiter.recordDrop(), "49 silent drops and this one, one second after the notice");
        assertEquals(0, limiter.recordDrop());
    }
}
