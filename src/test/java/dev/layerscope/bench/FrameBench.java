package dev.layerscope.bench;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Datasets;
import dev.layerscope.session.Status;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.training.Trainer;
import dev.layerscope.web.protocol.StatsFrames;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Size and cost of the frames of a 64-layer network of 1,024 units per layer: the time to serialise
 * its {@code epoch} frame and its {@code detail} frames, their bytes, and the time from the session's
 * publication of a snapshot to the arrival of the {@code epoch} frame at a viewer on loopback.
 * The network has 67 million weights, so this benchmark needs about 4 GB of heap.
 */
final class FrameBench {

    static final String CONFIG = """
            {"seed": 3, "data": {"dataset": "spirals", "samples": 100},
             "network": {"depth": 64, "width": 1024, "activation": "relu", "init": {"kind": "he-normal"}},
             "training": {"optimizer": "sgd", "learningRate": 0.01, "batchSize": 32, "epochs": 100}}""";

    private static final int SERIALISE_REPEATS = 21;
    private static final int SENT_EPOCHS = 3;

    private final PrintStream out;

    FrameBench(PrintStream out) {
        this.out = out;
    }

    void run() {
        RunConfig config = RunConfig.fromJson(CONFIG);
        Trainer trainer = new Trainer(config, Datasets.load(config.data(), config.seed()));
        EpochStats stats = trainer.trainEpoch();
        serialise(stats);
        send();
    }

    private void serialise(EpochStats stats) {
        double[] epochMillis = new double[SERIALISE_REPEATS];
        double[] detailMillis = new double[SERIALISE_REPEATS];
        String epochFrame = null;
        List<String> detailFrames = null;
        for (int i = 0; i < SERIALISE_REPEATS; i++) {
            long started = System.nanoTime();
            epochFrame = StatsFrames.epochFrame(stats);
            long middle = System.nanoTime();
            detailFrames = StatsFrames.detailFrames(stats);
            epochMillis[i] = (middle - started) / 1e6;
            detailMillis[i] = (System.nanoTime() - middle) / 1e6;
        }
        long detailBytes = detailFrames.stream().mapToLong(frame -> frame.getBytes(StandardCharsets.UTF_8).length).sum();
        long largestDetail = detailFrames.stream().mapToLong(frame -> frame.getBytes(StandardCharsets.UTF_8).length).max().orElse(0);
        out.printf(Locale.ROOT, "{\"benchmark\": \"frame-serialise\", \"layers\": %d, \"width\": 1024, "
                        + "\"epoch_frame_bytes\": %d, \"epoch_frame_ms_median\": %.3f, \"detail_frames\": %d, "
                        + "\"detail_bytes\": %d, \"largest_detail_frame_bytes\": %d, \"detail_ms_median\": %.3f}%n",
                stats.layers().size(), epochFrame.getBytes(StandardCharsets.UTF_8).length,
                Percentiles.median(epochMillis), detailFrames.size(), detailBytes, largestDetail,
                Percentiles.median(detailMillis));
        out.flush();
    }

    /** Steps the session epoch by epoch with one viewer connected and times each epoch frame's trip. */
    private void send() {
        try (LoadServer load = LoadServer.start(0.0, 10, 70_000_000, 4096)) {
            LoadServer.Created created = load.create(CONFIG);
            PublishLog published = new PublishLog();
            load.session(created.id()).subscribe(published);
            ViewerSocket owner = load.connect(created.id(), created.ownerKey(), published);
            ViewerSocket viewer = load.connect(created.id(), null, published);
            Waits.until(() -> owner.welcomed() && viewer.welcomed(), Duration.ofMinutes(1));
            for (int i = 1; i <= SENT_EPOCHS; i++) {
                int epoch = i;
                owner.send("{\"type\":\"stepEpoch\"}");
                Waits.until(() -> viewer.epochFrames() >= epoch, Duration.ofMinutes(3));
                // The session stays running until its detail frames and prediction are out, and a step
                // command sent before it pauses is rejected.
                Waits.until(() -> load.session(created.id()).state().status() == Status.PAUSED, Duration.ofMinutes(3));
            }
            double[] millis = viewer.latencies().values();
            out.printf(Locale.ROOT, "{\"benchmark\": \"frame-send\", \"epochs\": %d, \"publish_to_receipt_ms\": %s, "
                            + "\"median_ms\": %.2f}%n",
                    millis.length, TrainingBench.format(millis, "%.2f"),
                    millis.length == 0 ? Double.NaN : Percentiles.median(millis));
            out.flush();
            viewer.close();
            owner.close();
        }
    }
}
