package dev.layerscope.bench;

import dev.layerscope.session.Status;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;

/**
 * One session watched by many viewer sockets on loopback: latency of every {@code epoch} frame from
 * the session's publication to its arrival at each viewer, and frames lost. The server and the clients
 * share this JVM and the machine's cores, so the latency includes the clients' own work.
 */
final class ViewersBench {

    /** Ten tanh layers of 32 units on 1,000 spiral points: an epoch takes milliseconds, frames carry 11 layers. */
    static final String CONFIG = """
            {"seed": 5, "data": {"dataset": "spirals", "samples": 1000},
             "network": {"depth": 10, "width": 32, "activation": "tanh", "init": {"kind": "glorot-normal"}},
             "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 32, "epochs": %d}}""";

    private final PrintStream out;

    ViewersBench(PrintStream out) {
        this.out = out;
    }

    void run(int viewerCount, int epochs, double epochsPerSecond) {
        try (LoadServer load = LoadServer.start(epochsPerSecond, viewerCount + 1, 1_000_000, 256)) {
            LoadServer.Created created = load.create(CONFIG.formatted(epochs));
            PublishLog published = new PublishLog();
            load.session(created.id()).subscribe(published);
            ViewerSocket owner = load.connect(created.id(), created.ownerKey(), published);
            List<ViewerSocket> viewers = new ArrayList<>();
            long connectStarted = System.nanoTime();
            for (int i = 0; i < viewerCount; i++) {
                viewers.add(load.connect(created.id(), null, published));
            }
            boolean allWelcomed = Waits.until(() -> viewers.stream().allMatch(ViewerSocket::welcomed), Duration.ofMinutes(2));
            double connectSeconds = (System.nanoTime() - connectStarted) / 1e9;

            owner.send("{\"type\":\"setSpeed\",\"epochsPerSecond\":" + epochsPerSecond + "}");
            owner.send("{\"type\":\"start\"}");
            Duration runLimit = Duration.ofSeconds((long) (3 * epochs / epochsPerSecond) + 60);
            Waits.until(() -> load.session(created.id()).state().status() == Status.FINISHED, runLimit);
            int expected = published.publishedCount();
            Waits.until(() -> viewers.stream().allMatch(v -> v.closedByServer() || v.epochFrames() >= expected),
                    Duration.ofSeconds(30));
            report(viewers, expected, allWelcomed, connectSeconds, epochsPerSecond);
            viewers.forEach(ViewerSocket::close);
            owner.close();
        }
    }

    private void report(List<ViewerSocket> viewers, int expected, boolean allWelcomed, double connectSeconds,
                        double epochsPerSecond) {
        long lost = 0;
        int closed = 0;
        int outOfOrder = 0;
        long details = 0;
        long chars = 0;
        List<double[]> samples = new ArrayList<>();
        for (ViewerSocket viewer : viewers) {
            lost += Math.max(0, expected - viewer.epochFrames());
            closed += viewer.closedByServer() ? 1 : 0;
            outOfOrder += viewer.outOfOrder();
            details += viewer.detailFrames();
            chars += viewer.receivedChars();
            samples.add(viewer.latencies().values());
        }
        double[] all = samples.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        out.printf(Locale.ROOT, "{\"benchmark\": \"viewers\", \"viewers\": %d, \"all_welcomed\": %b, \"connect_seconds\": %.1f, "
                        + "\"epochs_per_second_cap\": %.1f, \"epoch_frames_published\": %d, \"epoch_frames_lost\": %d, "
                        + "\"out_of_order\": %d, \"closed_by_server\": %d, \"detail_frames_received\": %d, "
                        + "\"received_mib\": %.1f, \"latency_samples\": %d, \"latency_ms_p50\": %.2f, "
                        + "\"latency_ms_p99\": %.2f, \"latency_ms_max\": %.2f}%n",
                viewers.size(), allWelcomed, connectSeconds, epochsPerSecond, expected, lost, outOfOrder, closed, details,
                chars / 1048576.0, all.length, all.length == 0 ? Double.NaN : Percentiles.median(all),
                all.length == 0 ? Double.NaN : Percentiles.percentile(all, 99),
                all.length == 0 ? Double.NaN : Arrays.stream(all).max().orElse(Double.NaN));
        out.flush();
    }
}
