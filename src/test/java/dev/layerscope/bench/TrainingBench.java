package dev.layerscope.bench;

import dev.layerscope.data.Dataset;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.training.ScoringTimer;
import dev.layerscope.training.Trainer;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Training throughput of the reference workloads, timed like the peers: warm-up epochs, then the
 * median samples per second over clean epochs. One epoch gives two rates. "per-epoch" is 10,000
 * samples over the wall time of {@link Trainer#trainEpoch()}, statistics snapshot included. "none"
 * is the rate the trainer measures over its optimizer steps only, which leaves the snapshot out. The
 * difference is the cost of the statistics.
 */
final class TrainingBench {

    private static final int EPOCHS_LIMIT = 10_000;

    private final CleanClock clock;
    private final int warmup;
    private final int repeats;
    private final PrintStream out;

    TrainingBench(CleanClock clock, int warmup, int repeats, PrintStream out) {
        this.clock = clock;
        this.warmup = warmup;
        this.repeats = repeats;
        this.out = out;
    }

    void run(List<Workload> workloads) {
        for (Workload workload : workloads) {
            measure(workload);
        }
    }

    private void measure(Workload workload) {
        Dataset dataset = workload.dataset(7);
        Trainer trainer = new Trainer(workload.config(EPOCHS_LIMIT), dataset);
        EpochStats[] last = new EpochStats[1];
        CleanClock.Result result = clock.time(warmup, repeats, () -> {
            last[0] = trainer.trainEpoch();
            return last[0].samplesPerSecond();
        });
        List<CleanClock.Run> runs = result.runs();
        double[] withStats = runs.stream().mapToDouble(run -> Workload.SAMPLES / run.seconds()).toArray();
        double[] stepsOnly = runs.stream().mapToDouble(CleanClock.Run::value).toArray();
        double[] statsShare = runs.stream()
                .mapToDouble(run -> 1 - Workload.SAMPLES / run.value() / run.seconds()).toArray();
        double[] foreign = runs.stream().mapToDouble(CleanClock.Run::foreignCores).toArray();
        double[] perThreadCpu = runs.stream().mapToDouble(run -> Workload.SAMPLES / run.threadCpuSeconds()).toArray();
        double[] snapshotSeconds = medianSnapshotSeconds(trainer, dataset);

        String common = String.format(Locale.ROOT,
                "\"peer\": \"layerscope\", \"workload\": \"%s\", \"dtype\": \"float64\", \"threads\": \"%s\", "
                        + "\"clean_epochs\": %d, \"timed_epochs\": %d, \"foreign_cpu\": %s, \"final_loss\": %.4f",
                workload.name(), openBlasThreads(), result.cleanRuns(), result.timedRuns(),
                format(foreign, "%.2f"), last[0].trainLoss());
        print(workload, "per-epoch", withStats, common, String.format(Locale.ROOT,
                ", \"samples_per_thread_cpu_s_median\": %.1f, \"stats_share_median\": %.4f, "
                        + "\"snapshot_seconds_median\": %.4f, \"scoring_seconds_median\": %.4f",
                Percentiles.median(perThreadCpu), Percentiles.median(statsShare), snapshotSeconds[0], snapshotSeconds[1]));
        print(workload, "none", stepsOnly, common, "");
    }

    private void print(Workload workload, String stats, double[] rates, String common, String extra) {
        double median = Percentiles.median(rates);
        out.printf(Locale.ROOT, "{%s, \"stats\": \"%s\", \"samples_per_s_median\": %.1f, \"runs\": %s, "
                        + "\"gflops_median\": %.2f%s}%n",
                common, stats, median, format(rates, "%.1f"), median * workload.flopsPerSample() / 1e9, extra);
        out.flush();
    }

    /**
     * Times the statistics snapshot alone through {@link Trainer#initialStats()}, and the scoring of
     * loss and accuracy that it contains, five times each; returns both medians in seconds.
     */
    private static double[] medianSnapshotSeconds(Trainer trainer, Dataset dataset) {
        double[] snapshot = new double[5];
        double[] scoring = new double[5];
        for (int i = 0; i < snapshot.length; i++) {
            long started = System.nanoTime();
            trainer.initialStats();
            snapshot[i] = (System.nanoTime() - started) / 1e9;
            scoring[i] = ScoringTimer.scoringSeconds(trainer, dataset);
        }
        return new double[] {Percentiles.median(snapshot), Percentiles.median(scoring)};
    }

    static String openBlasThreads() {
        String value = System.getenv("OPENBLAS_NUM_THREADS");
        return value == null ? "default" : value;
    }

    static String format(double[] values, String pattern) {
        String[] parts = Arrays.stream(values).mapToObj(v -> String.format(Locale.ROOT, pattern, v)).toArray(String[]::new);
        return "[" + String.join(", ", parts) + "]";
    }
}
