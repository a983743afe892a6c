package dev.layerscope.bench;

import dev.layerscope.session.Status;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One session watched by many viewer sockets on loopback: latency of every {@code epoch} frame from
 * the session's publication to its arrival at each viewer, and frames lost. By default the viewers
 * are {@link RawViewerSocket}s in a second JVM ({@link ViewerClients}), so this JVM holds only the
 * server; both processes still share the machine's cores. With {@code in-process} they are
 * {@code java.net.http} clients in this JVM, and the latency includes their decoding of every frame.
 */
final class ViewersBench {

    /** Ten tanh layers of 32 units on 1,000 spiral points: an epoch takes milliseconds, frames carry 11 layers. */
    static final String CONFIG = """
            {"seed": 5, "data": {"dataset": "spirals", "samples": 1000},
             "network": {"depth": 10, "width": 32, "activation": "tanh", "init": {"kind": "glorot-normal"}},
             "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 32, "epochs": %d}}""";

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    /** Where the viewer sockets run. */
    enum Clients {
        PROCESS, IN_PROCESS;

        static Clients named(String name) {
            return switch (name) {
                case "process" -> PROCESS;
                case "in-process" -> IN_PROCESS;
                default -> throw new IllegalArgumentException("unknown clients '" + name + "': use process or in-process");
            };
        }
    }

    private final PrintStream out;

    ViewersBench(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs {@code warmupEpochs} and then {@code epochs} epochs. The warm-up epochs are sent like the
     * others but neither timed nor counted in the CPU figures, so the figures describe a server whose
     * code is compiled already, as it is after its first minutes.
     */
    void run(int viewerCount, int epochs, double epochsPerSecond, Clients clients, int warmupEpochs) throws IOException {
        try (LoadServer load = LoadServer.start(epochsPerSecond, viewerCount + 1, 1_000_000, 256)) {
            LoadServer.Created created = load.create(CONFIG.formatted(warmupEpochs + epochs));
            PublishLog published = new PublishLog(warmupEpochs);
            load.session(created.id()).subscribe(published);
            ViewerSocket owner = load.connect(created.id(), created.ownerKey(), published);
            if (clients == Clients.PROCESS) {
                runWithClientProcess(load, created, owner, published, viewerCount, epochsPerSecond, warmupEpochs);
            } else {
                runInProcess(load, created, owner, published, viewerCount, epochsPerSecond, warmupEpochs);
            }
            owner.close();
        }
    }

    private void runWithClientProcess(LoadServer load, LoadServer.Created created, ViewerSocket owner, PublishLog published,
                                      int viewerCount, double epochsPerSecond, int warmupEpochs) throws IOException {
        long connectStarted = System.nanoTime();
        try (ViewerClients viewers = ViewerClients.start(load.server.port(), created.id(), viewerCount)) {
            boolean allCaughtUp = viewers.awaitCaughtUp(CATCH_UP_TIMEOUT) == viewerCount;
            double connectSeconds = (System.nanoTime() - connectStarted) / 1e9;
            ViewerClients.ClockCheck clock = viewers.clockCheck();
            startTraining(owner, epochsPerSecond);
            awaitWarmup(published, warmupEpochs, epochsPerSecond);
            CpuWindow cpu = CpuWindow.start();
            long clientCpuStart = viewers.clockCheck().cpuNanos();

            int expected = awaitFinished(load, created, published, epochsPerSecond);
            ViewerClients.Report report = viewers.report(expected, DELIVERY_TIMEOUT, published);
            double clientCpuSeconds = (report.cpuNanos() - clientCpuStart) / 1e9;
            report("process", report.viewers(), expected, allCaughtUp, connectSeconds, epochsPerSecond,
                    ", \"warmup_epochs\": " + warmupEpochs + cpu.end(clientCpuSeconds, expected - warmupEpochs)
                            + ", \"clock_check_within_round_trip\": " + clock.withinRoundTrip()
                            + String.format(Locale.ROOT, ", \"clock_check_round_trip_ms\": %.2f", clock.roundTripMillis()));
        }
    }

    private void runInProcess(LoadServer load, LoadServer.Created created, ViewerSocket owner, PublishLog published,
                              int viewerCount, double epochsPerSecond, int warmupEpochs) {
        List<ViewerSocket> viewers = new ArrayList<>();
        long connectStarted = System.nanoTime();
        for (int i = 0; i < viewerCount; i++) {
            viewers.add(load.connect(created.id(), null, published));
        }
        // The catch-up ends with the newest snapshot's detail frames, so the first one marks its end.
        boolean allCaughtUp = Waits.until(() -> viewers.stream().allMatch(v -> v.welcomed() && v.detailFrames() > 0),
                CATCH_UP_TIMEOUT);
        double connectSeconds = (System.nanoTime() - connectStarted) / 1e9;

        startTraining(owner, epochsPerSecond);
        awaitWarmup(published, warmupEpochs, epochsPerSecond);
        CpuWindow cpu = CpuWindow.start();
        int expected = awaitFinished(load, created, published, epochsPerSecond);
        Waits.until(() -> viewers.stream().allMatch(v -> v.closedByServer() || v.epochFrames() >= expected),
                DELIVERY_TIMEOUT);
        report("in-process", viewers.stream().map(ViewerResult::of).toList(), expected, allCaughtUp, connectSeconds,
                epochsPerSecond, ", \"warmup_epochs\": " + warmupEpochs + cpu.end(0, expected - warmupEpochs));
        viewers.forEach(ViewerSocket::close);
    }

    /**
     * CPU time over the training and delivery: this JVM's (the server, and the clients when they run
     * in process), the client process's, and the rest of the machine's (other programs), from
     * {@code /proc/stat}.
     */
    private record CpuWindow(long wallStartNanos, long ownStartNanos, double machineStartSeconds, ThreadCpu threads) {

        static CpuWindow start() {
            System.err.println("viewers: measured window starts at " + java.time.Instant.now());
            return new CpuWindow(System.nanoTime(), CleanClock.processCpuNanos(), CleanClock.busySeconds(), ThreadCpu.now());
        }

        /** Returns the JSON fields of the window, given the client process's CPU seconds in it (0 when none). */
        String end(double clientCpuSeconds, int epochFrames) {
            System.err.println("viewers: measured window ends at " + java.time.Instant.now());
            double wall = (System.nanoTime() - wallStartNanos) / 1e9;
            double own = (CleanClock.processCpuNanos() - ownStartNanos) / 1e9;
            double others = Math.max(0, CleanClock.busySeconds() - machineStartSeconds - own - clientCpuSeconds);
            return String.format(Locale.ROOT, ", \"window_seconds\": %.1f, \"bench_jvm_cpu_seconds\": %.2f, "
                            + "\"bench_jvm_cpu_ms_per_epoch_frame\": %.1f, \"client_process_cpu_seconds\": %.2f, "
                            + "\"other_programs_cores\": %.2f, \"bench_jvm_cpu_seconds_by_thread\": %s",
                    wall, own, 1000 * own / Math.max(1, epochFrames), clientCpuSeconds, others / wall,
                    threads.secondsSince(threads));
        }
    }

    private static void startTraining(ViewerSocket owner, double epochsPerSecond) {
        owner.send("{\"type\":\"setSpeed\",\"epochsPerSecond\":" + epochsPerSecond + "}");
        owner.send("{\"type\":\"start\"}");
    }

    private static void awaitWarmup(PublishLog published, int warmupEpochs, double epochsPerSecond) {
        Waits.until(() -> published.publishedCount() >= warmupEpochs,
                Duration.ofSeconds((long) (3 * warmupEpochs / epochsPerSecond) + 60));
    }

    /** Waits until the session finished; returns the epoch frames published, warm-up included. */
    private static int awaitFinished(LoadServer load, LoadServer.Created created, PublishLog published,
                                     double epochsPerSecond) {
        int epochs = load.session(created.id()).config().training().epochs();
        Duration runLimit = Duration.ofSeconds((long) (3 * epochs / epochsPerSecond) + 60);
        Waits.until(() -> load.session(created.id()).state().status() == Status.FINISHED, runLimit);
        return published.publishedCount();
    }

    private void report(String clients, List<ViewerResult> viewers, int expected, boolean allCaughtUp,
                        double connectSeconds, double epochsPerSecond, String extra) {
        long lost = 0;
        int closed = 0;
        int outOfOrder = 0;
        long details = 0;
        long bytes = 0;
        for (ViewerResult viewer : viewers) {
            lost += Math.max(0, expected - viewer.epochFrames());
            closed += viewer.closedByServer() ? 1 : 0;
            outOfOrder += viewer.outOfOrder();
            details += viewer.detailFrames();
            bytes += viewer.receivedBytes();
        }
        double[] all = viewers.stream().flatMapToDouble(viewer -> Arrays.stream(viewer.latencyMillis())).toArray();
        out.printf(Locale.ROOT, "{\"benchmark\": \"viewers\", \"clients\": \"%s\", \"viewers\": %d, \"all_caught_up\": %b, "
                        + "\"connect_seconds\": %.1f, \"epochs_per_second_cap\": %.1f, \"epoch_frames_published\": %d, "
                        + "\"epoch_frames_lost\": %d, \"out_of_order\": %d, \"closed_by_server\": %d, "
                        + "\"detail_frames_received\": %d, \"received_mib\": %.1f, \"latency_samples\": %d, "
                        + "\"latency_ms_p50\": %.2f, \"latency_ms_p99\": %.2f, \"latency_ms_max\": %.2f%s}%n",
                clients, viewers.size(), allCaughtUp, connectSeconds, epochsPerSecond, expected, lost, outOfOrder, closed,
                details, bytes / 1048576.0, all.length, all.length == 0 ? Double.NaN : Percentiles.median(all),
                all.length == 0 ? Double.NaN : Percentiles.percentile(all, 99),
                all.length == 0 ? Double.NaN : Arrays.stream(all).max().orElse(Double.NaN), extra);
        reportByEpoch(viewers);
        out.flush();
    }

    /**
     * Prints the median and maximum latency of each epoch frame over all viewers, which shows whether
     * the slow deliveries come from a few frames (a collection, a burst of heavy frames) or from all.
     * Printed only when every viewer has a sample for every frame, so index i is the same frame for all.
     */
    private void reportByEpoch(List<ViewerResult> viewers) {
        int frames = viewers.isEmpty() ? 0 : viewers.get(0).latencyMillis().length;
        List<double[]> perViewer = viewers.stream().map(ViewerResult::latencyMillis).toList();
        if (frames == 0 || perViewer.stream().anyMatch(latencies -> latencies.length != frames)) {
            return;
        }
        StringBuilder medians = new StringBuilder();
        StringBuilder maxima = new StringBuilder();
        for (int i = 0; i < frames; i++) {
            int index = i;
            double[] frame = perViewer.stream().mapToDouble(latencies -> latencies[index]).toArray();
            medians.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", Percentiles.median(frame)));
            maxima.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f", Arrays.stream(frame).max().orElseThrow()));
        }
        out.printf(Locale.ROOT, "{\"benchmark\": \"viewers-by-frame\", \"latency_ms_p50\": [%s], \"latency_ms_max\": [%s]}%n",
                medians, maxima);
    }
}
