package dev.layerscope.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded pool on which every session trains. Fairness comes from how sessions use it: a session
 * has at most one task queued or running, each task trains one short slice, and the next slice is
 * queued behind every other session's (a FIFO queue), so sessions take turns round-robin. Building
 * work (loading datasets, building networks, validating uploads) runs one task at a time through
 * {@link #buildExecutor()}, so a burst of session creations cannot occupy every thread and stall
 * the sessions that are training.
 */
public final class TrainingPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingPool.class);

    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final SerialExecutor builds;

    public TrainingPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("training threads must be >= 1, got " + threads);
        }
        workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                namedThreads("training"));
        timer = new ScheduledThreadPoolExecutor(1, namedThreads("training-timer"));
        builds = new SerialExecutor(workers);
    }

    /** Queues a task behind every task already waiting. */
    public void execute(Runnable task) {
        workers.execute(guarded(task));
    }

    /** Queues a task after {@code delayMillis}; the delay is spent waiting on a timer, not on a worker. */
    public void executeLater(Runnable task, long delayMillis) {
        if (delayMillis <= 0) {
            execute(task);
            return;
        }
        timer.schedule(() -> execute(task), delayMillis, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} every {@code periodMillis} on the timer thread; it must be short. */
    public void scheduleAtFixedRate(Runnable task, long periodMillis) {
        timer.scheduleAtFixedRate(guarded(task), periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    public ExecutorService executor() {
        return workers;
    }

    /** Runs building work on the pool, one task at a time in submission order. */
    public Executor buildExecutor() {
        return builds;
    }

    /** Passes tasks to the pool one at a time: the next is queued when the previous one has ended. */
    private static final class SerialExecutor implements Executor {

        private final Executor target;
        private final Queue<Runnable> waiting = new ArrayDeque<>();
        private boolean active;

        SerialExecutor(Executor target) {
            this.target = target;
        }

        @Override
        public synchronized void execute(Runnable task) {
            waiting.add(() -> {
                try {
                    task.run();
                } finally {
                    scheduleNext();
                }
            });
            if (!active) {
                scheduleNext();
            }
        }

        private synchronized void scheduleNext() {
            Runnable next = waiting.poll();
            active = next != null;
            if (next != null) {
                target.execute(guarded(next));
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("training task failed", e);
            }
        };
    }

    private static ThreadFactory namedThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "layerscope-" + prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
