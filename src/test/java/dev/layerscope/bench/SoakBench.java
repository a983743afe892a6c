package dev.layerscope.bench;

import dev.layerscope.session.Status;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A classroom for a fixed duration, in cycles: several sessions at the default speed, each watched by
 * a few viewers. Every cycle runs all sessions to the end of their epochs, resets them all, replaces
 * the oldest viewer of each, and then reads the heap after full collections. So every heap sample is
 * taken at the same phase (all sessions freshly reset, the same sockets open), and a leak shows as a
 * slope instead of hiding in the saw tooth of filling and cleared histories. Prints a line per cycle,
 * the slope of the samples after the first cycle, and the classes whose instances grew most between
 * the first and the last sample.
 */
final class SoakBench {

    private static final int EPOCHS_PER_RUN = 100;
    private static final Duration STATUS_TIMEOUT = Duration.ofMinutes(5);
    private static final int GROWING_CLASSES_SHOWN = 12;

    private final PrintStream out;

    SoakBench(PrintStream out) {
        this.out = out;
    }

    /** The sockets of one session: its owner and its viewers, oldest first. */
    private record Classroom(LoadServer.Created created, ViewerSocket owner, List<ViewerSocket> viewers) {
    }

    void run(int durationSeconds, int sessionCount, int viewersPerSession) {
        try (LoadServer load = LoadServer.start(5.0, viewersPerSession + 1, 1_000_000, 256)) {
            PublishLog unused = new PublishLog();
            List<Classroom> classrooms = new ArrayList<>();
            for (int i = 0; i < sessionCount; i++) {
                classrooms.add(open(load, viewersPerSession, unused));
            }
            Waits.until(() -> classrooms.stream().allMatch(room -> room.owner().welcomed()), Duration.ofMinutes(1));
            PublishLog snapshots = new PublishLog();
            classrooms.forEach(room -> load.session(room.created().id()).subscribe(snapshots));

            long started = System.nanoTime();
            long end = started + Duration.ofSeconds(durationSeconds).toNanos();
            List<double[]> samples = new ArrayList<>();
            ClassHistogram first = null;
            ClassHistogram last = null;
            int reconnects = 0;
            int cycles = 0;
            while (cycles == 0 || System.nanoTime() - end < 0) {
                runToEnd(load, classrooms);
                resetAll(load, classrooms);
                reconnects += churn(load, classrooms, unused);
                double mib = Heap.mib(Heap.settledBytes());
                double seconds = (System.nanoTime() - started) / 1e9;
                cycles++;
                samples.add(new double[] {seconds, mib});
                last = ClassHistogram.take();
                first = first == null ? last : first;
                out.printf(Locale.ROOT, "{\"benchmark\": \"soak-sample\", \"cycle\": %d, \"seconds\": %.0f, \"heap_mib\": %.2f, "
                        + "\"reconnects\": %d}%n", cycles, seconds, mib, reconnects);
                out.flush();
            }
            report(durationSeconds, sessionCount, viewersPerSession, samples, reconnects, snapshots.publishedCount());
            out.println(first.growthTo(last, GROWING_CLASSES_SHOWN));
            out.flush();
        }
    }

    private static Classroom open(LoadServer load, int viewersPerSession, PublishLog unused) {
        LoadServer.Created created = load.create(ViewersBench.CONFIG.formatted(EPOCHS_PER_RUN));
        ViewerSocket owner = load.connect(created.id(), created.ownerKey(), unused);
        List<ViewerSocket> viewers = new ArrayList<>();
        for (int v = 0; v < viewersPerSession; v++) {
            viewers.add(load.connect(created.id(), null, unused));
        }
        return new Classroom(created, owner, viewers);
    }

    /** Starts every session and waits until all have finished their epochs. */
    private static void runToEnd(LoadServer load, List<Classroom> classrooms) {
        classrooms.forEach(room -> room.owner().send("{\"type\":\"start\"}"));
        awaitStatus(load, classrooms, Status.FINISHED);
    }

    /** Resets every session and waits until all are ready again; a reset completes asynchronously. */
    private static void resetAll(LoadServer load, List<Classroom> classrooms) {
        classrooms.forEach(room -> room.owner().send("{\"type\":\"reset\"}"));
        awaitStatus(load, classrooms, Status.READY);
    }

    private static void awaitStatus(LoadServer load, List<Classroom> classrooms, Status status) {
        boolean reached = Waits.until(() -> classrooms.stream()
                .allMatch(room -> load.session(room.created().id()).state().status() == status), STATUS_TIMEOUT);
        if (!reached) {
            throw new IllegalStateException("sessions did not all reach " + status + " within " + STATUS_TIMEOUT.toMinutes()
                    + " min; the machine may be too busy for this soak");
        }
    }

    /** Replaces the oldest viewer of every session by a new one; returns how many reconnected. */
    private static int churn(LoadServer load, List<Classroom> classrooms, PublishLog unused) {
        int replaced = 0;
        for (Classroom room : classrooms) {
            if (!room.viewers().isEmpty()) {
                room.viewers().remove(0).close();
                room.viewers().add(load.connect(room.created().id(), null, unused));
                replaced++;
            }
        }
        return replaced;
    }

    private void report(int durationSeconds, int sessionCount, int viewersPerSession, List<double[]> samples,
                        int reconnects, int snapshots) {
        // The first cycle warms up (classes loaded, JIT, pools filled), so the slope starts at the second sample.
        List<double[]> steady = samples.size() > 2 ? samples.subList(1, samples.size()) : samples;
        double slope = slopePerHour(steady);
        out.printf(Locale.ROOT, "{\"benchmark\": \"soak\", \"duration_seconds\": %d, \"sessions\": %d, "
                        + "\"viewers_per_session\": %d, \"epochs_per_run\": %d, \"cycles\": %d, \"heap_mib_first\": %.2f, "
                        + "\"heap_mib_last\": %.2f, \"heap_mib_min_after_first\": %.2f, \"heap_mib_max_after_first\": %.2f, "
                        + "\"slope_mib_per_hour_after_first\": %.2f, \"reconnects\": %d, \"snapshots\": %d}%n",
                durationSeconds, sessionCount, viewersPerSession, EPOCHS_PER_RUN, samples.size(), samples.get(0)[1],
                samples.get(samples.size() - 1)[1], steady.stream().mapToDouble(s -> s[1]).min().orElse(Double.NaN),
                steady.stream().mapToDouble(s -> s[1]).max().orElse(Double.NaN), slope, reconnects, snapshots);
    }

    /** Returns the least-squares slope of heap MiB over time, in MiB per hour; NaN for fewer than two samples. */
    static double slopePerHour(List<double[]> samples) {
        int n = samples.size();
        if (n < 2) {
            return Double.NaN;
        }
        double meanSeconds = samples.stream().mapToDouble(s -> s[0]).average().orElseThrow();
        double meanMib = samples.stream().mapToDouble(s -> s[1]).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (double[] sample : samples) {
            covariance += (sample[0] - meanSeconds) * (sample[1] - meanMib);
            variance += (sample[0] - meanSeconds) * (sample[0] - meanSeconds);
        }
        return variance == 0 ? Double.NaN : covariance / variance * 3600;
    }
}
