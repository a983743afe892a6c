package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SlowClientTest {

    private static final int EPOCHS = 120;
    /**
     * 30 hidden layers with 100-bin histograms: each epoch frame is about 20 KB and each detail set
     * about 250 KB, so 120 epochs queue megabytes for a client that reads nothing: more than the
     * 1 MiB bound plus what the kernel's socket buffers absorb.
     */
    private static final String HEAVY = """
            {"seed": 5, "data": {"dataset": "spirals", "samples": 200},
             "network": {"depth": 30, "width": 32, "activation": "tanh", "init": {"kind": "glorot-normal"}},
             "training": {"batchSize": 50, "epochs": %d}, "stats": {"histogramBins": 100, "unitSample": 32}}"""
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

                // Epoch 0 came in the history, read while waiting for the viewer count.
                assertEquals(EPOCHS, stats.size());
                for (int i = 0; i < stats.size(); i++) {
                    assertEquals(i + 1, stats.get(i).get("epoch").asInt(), "epochs arrive in order without gaps");
                }
                assertEquals(1, counts.get(counts.size() - 1).get("viewerCount").asInt(),
                        "the stalled viewer was disconnected during the run");
                assertEquals(1, server.server.registry().find(created.id()).orElseThrow().listenerCount());
            }
        }
    }
}
