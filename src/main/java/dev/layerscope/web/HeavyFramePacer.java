package dev.layerscope.web;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Decides which of a session's heavy events (snapshots for {@code detail} frames, predictions for
 * {@code prediction} frames) its viewers receive: at most one per interval. An event skipped
 * because the interval had not passed is sent when it ends unless a newer one replaced it, so a
 * viewer never keeps older heavy parts than the session's latest for longer than one interval.
 * Every viewer gets the same events, and they arrive in order.
 *
 * @param <T> the event, compared by identity
 */
final class HeavyFramePacer<T> {

    private final long intervalNanos;
    private final ScheduledExecutorService timer;
    private final Consumer<T> sendLate;

    // Guarded by this.
    private T decided;
    private boolean decidedToSend;
    private boolean sentAny;
    private long lastSentNanos;
    private T skipped;
    private boolean lateSendScheduled;

    /** {@code sendLate} sends a skipped event to every viewer, on a timer thread. */
    HeavyFramePacer(long intervalMillis, ScheduledExecutorService timer, Consumer<T> sendLate) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.timer = timer;
        this.sendLate = sendLate;
    }

    /**
     * Returns whether viewers get {@code event} now. A session passes the same object to each of
     * its listeners in turn, so the first call for an event decides for all of them.
     */
    synchronized boolean sendsNow(T event) {
        if (event != decided) {
            decided = event;
            long now = System.nanoTime();
            decidedToSend = !sentAny || now - lastSentNanos >= intervalNanos;
            if (decidedToSend) {
                markSent(now);
            } else {
                skipped = event;
                scheduleLateSend(now);
            }
        }
        return decidedToSend;
    }

    private void markSent(long now) {
        sentAny = true;
        lastSentNanos = now;
        skipped = null;
    }

    private void scheduleLateSend(long now) {
        if (!lateSendScheduled) {
            lateSendScheduled = true;
            timer.schedule(this::sendSkipped, lastSentNanos + intervalNanos - now, TimeUnit.NANOSECONDS);
        }
    }

    private void sendSkipped() {
        T event;
        synchronized (this) {
            lateSendScheduled = false;
            event = skipped;
            if (event == null) {
                return;
            }
            markSent(System.nanoTime());
        }
        // An event that arrives meanwhile is skipped (the interval restarted above), so it never
        // overtakes this one.
        sendLate.accept(event);
    }
}
