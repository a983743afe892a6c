package dev.layerscope.web;

import dev.layerscope.stats.EpochStats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeavyFramePacerTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void firstSnapshotSendsAndNextWaits() {
        HeavyFramePacer<EpochStats> pacer = new HeavyFramePacer<>(TimeUnit.HOURS.toMillis(1), timer, stats -> { });
        EpochStats first = snapshot(1);
        EpochStats second = snapshot(2);

        assertTrue(pacer.sendsNow(first));
        assertTrue(pacer.sendsNow(first), "every listener of one snapshot gets the same answer");
        assertFalse(pacer.sendsNow(second));
        assertFalse(pacer.sendsNow(second), "every listener of one snapshot gets the same answer");
    }

    @Test
    void skippedSnapshotIsSentWhenIntervalEnds() throws Exception {
        CompletableFuture<EpochStats> sentLate = new CompletableFuture<>();
        HeavyFramePacer<EpochStats> pacer = new HeavyFramePacer<>(50, timer, sentLate::complete);
        EpochStats first = snapshot(1);
        EpochStats newest = snapshot(3);

        assertTrue(pacer.sendsNow(first));
        pacer.sendsNow(snapshot(2));
        boolean newestSentNow = pacer.sendsNow(newest);

        // Only a thread stalled for the whole 50 ms interval gets the newest snapshot sent at once.
        if (!newestSentNow) {
            assertSame(newest, sentLate.get(30, TimeUnit.SECONDS), "the newest skipped snapshot is sent late");
        }
    }

    private static EpochStats snapshot(int epoch) {
        return new EpochStats(epoch, epoch, 0.5, 0.5, 0.5, 0.5, 0.1, 10, List.of());
    }
}
