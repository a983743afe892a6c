package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.web.protocol.StatsFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowClientTest {

    private static final int EPOCHS = 75;
    /** 200 samples with a test fraction of 0.2 leave 160 training samples, so 4 batches of 40 per epoch. */
    private static final int STEPS = EPOCHS * 4;
    /**
     * 30 hidden layers and statistics after every step, so each of the 300 snapshots sends an epoch
     * frame of roughly 20 KB (an estimate; the frame grows with the layer count). That queues about
     * 6 MB for a client that reads nothing: more than the 1 MiB bound plus what the kernel's socket
     * buffers absorb. Few bins, few sampled units and a small evaluation batch keep snapshots cheap.
     */
    private static final String HEAVY = """
            {"seed": 5, "data": {"dataset": "spirals", "samples": 200, "testFraction": 0.2},
             "network": {"depth": 30, "width": 32, "activation": "tanh", "init": {"kind": "glorot-normal"}},
             "training": {"batchSize": 40, "epochs": %d},
             "stats": {"histogramBins": 10, "unitSample": 4, "evalSamples": 32, "everySteps": 1}}"""
            .formatted(EPOCHS);

    @Test
    void stalledViewerDoesNotHoldUpOwner() {
        ServerSettings settings = TestServer.defaults().withQueueBounds(1024 * 1024, 30);
        try (TestServer server = TestServer.start(settings)) {
            TestServer.Created created = server.create(HEAVY);
            try (TestSocket owner = server.join(created.id(), created.ownerKey());
                 TestSocket stalled = server.connectStalled(created.id())) {
                stalled.hello(null);
                owner.next(frame -> frame.path("type").asText().equals("viewerCount")
                        && frame.get("viewerCount").asInt() == 2, "viewer count 2");

                owner.send("{\"type\":\"start\"}");
                List<JsonNode> stats = owner.statsUntilStatus("finished");
                List<JsonNode> counts = owner.seen("viewerCount");

                // The snapshot at step 0 came in the history, read while waiting for the viewer count.
                assertEquals(STEPS, stats.size());
                for (int i = 0; i < stats.size(); i++) {
                    assertEquals(i + 1, stats.get(i).get("step").asInt(), "snapshots arrive in order without gaps");
                }
                assertEquals(EPOCHS, stats.get(stats.size() - 1).get("epoch").asInt());
                assertEquals(1, counts.get(counts.size() - 1).get("viewerCount").asInt(),
                        "the stalled viewer was disconnected during the run");
                assertEquals(1, server.server.registry().find(created.id()).orElseThrow().listenerCount());
            }
        }
    }

    @Test
    void lateJoinerGetsHistoryLargerThanQueueBound() {
        ServerSettings settings = TestServer.defaults().withQueueBounds(64 * 1024, 30);
        // 11 layers of scalars are several KB per entry, so 31 entries are far more than 64 KB.
        String longRun = """
                {"seed": 2, "data": {"dataset": "spirals", "samples": 200},
                 "network": {"depth": 10, "width": 8, "activation": "tanh"},
                 "training": {"batchSize": 40, "epochs": 30}, "stats": {"histogramBins": 10, "unitSample": 4}}""";
        try (TestServer server = TestServer.start(settings)) {
            TestServer.Created created = server.create(longRun);
            try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
                owner.send("{\"type\":\"start\"}");
                owner.statsUntilStatus("finished");
            }
            long historyChars = historyChars(server, created.id());

            try (TestSocket late = server.connect(created.id())) {
                late.hello(null);
                List<JsonNode> entries = new ArrayList<>();
                late.next(frame -> {
                    if (frame.path("type").asText().equals("history")) {
                        frame.get("epochs").forEach(entries::add);
                        return frame.get("done").asBoolean();
                    }
                    return false;
                }, "the last history frame");
                late.send("{\"type\":\"ping\"}");
                late.next("pong");

                assertTrue(historyChars > 64 * 1024, "the history has " + historyChars + " characters");
                assertEquals(31, entries.size());
                assertEquals(30, entries.get(30).get("epoch").asInt());
            }
        }
    }

    /** Counts the characters of a session's history frames, as a joining client would receive them. */
    private static long historyChars(TestServer server, String sessionId) {
        long chars = 0;
        for (String frame : StatsFrames.historyFrames(
                server.server.registry().find(sessionId).orElseThrow().history())) {
            chars += frame.length();
        }
        return chars;
    }
}
