package dev.layerscope.bench;

import dev.layerscope.session.Status;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A classroom for a fixed duration: several sessions at the default speed, each watched by a few
 * viewers who come and go. A session that finishes is reset and started again. Prints the heap after
 * full collections every {@value #SAMPLE_SECONDS} seconds, to show whether memory stays flat.
 */
final class SoakBench {

    private static final int EPOCHS_PER_RUN = 200;
    private static final int SAMPLE_SECONDS = 30;

    private final PrintStream out;

    SoakBench(PrintStream out) {
        this.out = out;
    }

    void run(int durationSeconds, int sessionCount, int viewersPerSession) {
        try (LoadServer load = LoadServer.start(5.0, viewersPerSession + 1, 1_000_000, 256)) {
            PublishLog unused = new PublishLog();
            List<LoadServer.Created> sessions = new ArrayList<>();
            List<ViewerSocket> owners = new ArrayList<>();
            List<List<ViewerSocket>> viewers = new ArrayList<>();
            for (int i = 0; i < sessionCount; i++) {
                LoadServer.Created created = load.create(ViewersBench.CONFIG.formatted(EPOCHS_PER_RUN));
                sessions.add(created);
                owners.add(load.connect(created.id(), created.ownerKey(), unused));
                List<ViewerSocket> watching = new ArrayList<>();
                for (int v = 0; v < viewersPerSession; v++) {
                    watching.add(load.connect(created.id(), null, unused));
                }
                viewers.add(watching);
            }
            Waits.until(() -> owners.stream().allMatch(ViewerSocket::welcomed), Duration.ofMinutes(1));
            owners.forEach(owner -> owner.send("{\"type\":\"start\"}"));
            List<PublishLog> snapshots = new ArrayList<>();
            for (LoadServer.Created created : sessions) {
                PublishLog log = new PublishLog();
                load.session(created.id()).subscribe(log);
                snapshots.add(log);
            }

            long started = System.nanoTime();
            long end = started + Duration.ofSeconds(durationSeconds).toNanos();
            long nextSample = started;
            int restarts = 0;
            int reconnects = 0;
            double firstMib = Double.NaN;
            double lastMib = Double.NaN;
            double maxMib = 0;
            while (System.nanoTime() - end < 0) {
                if (System.nanoTime() - nextSample >= 0) {
                    lastMib = settledHeapMib();
                    firstMib = Double.isNaN(firstMib) ? lastMib : firstMib;
                    maxMib = Math.max(maxMib, lastMib);
                    out.printf(Locale.ROOT, "{\"benchmark\": \"soak-sample\", \"seconds\": %.0f, \"heap_mib\": %.1f, "
                                    + "\"restarts\": %d, \"reconnects\": %d}%n",
                            (System.nanoTime() - started) / 1e9, lastMib, restarts, reconnects);
                    out.flush();
                    reconnects += churn(load, sessions, viewers, unused);
                    nextSample += Duration.ofSeconds(SAMPLE_SECONDS).toNanos();
                }
                restarts += restartFinished(load, sessions, owners);
                Waits.pause(Duration.ofMillis(500));
            }
            lastMib = settledHeapMib();
            out.printf(Locale.ROOT, "{\"benchmark\": \"soak\", \"duration_seconds\": %d, \"sessions\": %d, "
                            + "\"viewers_per_session\": %d, \"heap_mib_start\": %.1f, \"heap_mib_end\": %.1f, "
                            + "\"heap_mib_max_sample\": %.1f, \"restarts\": %d, \"reconnects\": %d, \"snapshots\": %d}%n",
                    durationSeconds, sessionCount, viewersPerSession, firstMib, lastMib, maxMib, restarts, reconnects,
                    snapshots.stream().mapToInt(PublishLog::publishedCount).sum());
            out.flush();
        }
    }

    /**
     * Resets every finished session and starts every session that is ready again; returns how many were
     * reset. A reset completes asynchronously, so its start is sent on a later round, once the state
     * reads ready.
     */
    private static int restartFinished(LoadServer load, List<LoadServer.Created> sessions, List<ViewerSocket> owners) {
        int reset = 0;
        for (int i = 0; i < sessions.size(); i++) {
            Status status = load.session(sessions.get(i).id()).state().status();
            if (status == Status.FINISHED) {
                owners.get(i).send("{\"type\":\"reset\"}");
                reset++;
            } else if (status == Status.READY) {
                owners.get(i).send("{\"type\":\"start\"}");
            }
        }
        return reset;
    }

    /** Replaces the oldest viewer of every session by a new one; returns how many reconnected. */
    private static int churn(LoadServer load, List<LoadServer.Created> sessions, List<List<ViewerSocket>> viewers,
                             PublishLog unused) {
        int replaced = 0;
        for (int i = 0; i < sessions.size(); i++) {
            List<ViewerSocket> watching = viewers.get(i);
            if (!watching.isEmpty()) {
                watching.remove(0).close();
                watching.add(load.connect(sessions.get(i).id(), null, unused));
                replaced++;
            }
        }
        return replaced;
    }

    private static double settledHeapMib() {
        return Heap.mib(Heap.settledBytes());
    }
}
