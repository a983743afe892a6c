package dev.layerscope.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Many sessions training at once without a speed cap on the server's two training threads: each
 * session's throughput over a fixed window, to see whether the pool shares the cores fairly.
 */
final class SessionsBench {

    private static final int TRAIN_SAMPLES = 800;

    private final PrintStream out;

    SessionsBench(PrintStream out) {
        this.out = out;
    }

    void run(int sessionCount, int windowSeconds) {
        try (LoadServer load = LoadServer.start(0.0, 10, 1_000_000, 256)) {
            List<LoadServer.Created> sessions = new ArrayList<>();
            List<ViewerSocket> owners = new ArrayList<>();
            PublishLog unused = new PublishLog();
            for (int i = 0; i < sessionCount; i++) {
                LoadServer.Created created = load.create(ViewersBench.CONFIG.formatted(2000));
                sessions.add(created);
                owners.add(load.connect(created.id(), created.ownerKey(), unused));
            }
            Waits.until(() -> owners.stream().allMatch(ViewerSocket::welcomed), Duration.ofMinutes(1));
            for (ViewerSocket owner : owners) {
                owner.send("{\"type\":\"start\"}");
            }
            Waits.pause(Duration.ofSeconds(5));

            int[] before = epochs(load, sessions);
            long started = System.nanoTime();
            Waits.pause(Duration.ofSeconds(windowSeconds));
            int[] after = epochs(load, sessions);
            double seconds = (System.nanoTime() - started) / 1e9;
            for (ViewerSocket owner : owners) {
                owner.send("{\"type\":\"pause\"}");
            }
            report(before, after, seconds);
            owners.forEach(ViewerSocket::close);
        }
    }

    private static int[] epochs(LoadServer load, List<LoadServer.Created> sessions) {
        return sessions.stream().mapToInt(created -> load.session(created.id()).state().epoch()).toArray();
    }

    private void report(int[] before, int[] after, double seconds) {
        double[] rates = new double[before.length];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = (after[i] - before[i]) * TRAIN_SAMPLES / seconds;
        }
        double median = Percentiles.median(rates);
        double slowest = java.util.Arrays.stream(rates).min().orElse(Double.NaN);
        double fastest = java.util.Arrays.stream(rates).max().orElse(Double.NaN);
        double total = java.util.Arrays.stream(rates).sum();
        out.printf(Locale.ROOT, "{\"benchmark\": \"sessions\", \"sessions\": %d, \"window_seconds\": %.1f, "
                        + "\"samples_per_s_slowest\": %.0f, \"samples_per_s_median\": %.0f, \"samples_per_s_fastest\": %.0f, "
                        + "\"slowest_over_median\": %.3f, \"samples_per_s_total\": %.0f, \"per_session\": %s}%n",
                rates.length, seconds, slowest, median, fastest, slowest / median, total,
                TrainingBench.format(rates, "%.0f"));
        out.flush();
    }
}
