package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveSessionTest {

    /** 3 hidden layers and the output layer. */
    private static final int LAYERS = 4;
    private static final int HIDDEN_WIDTH = 8;
    /** Two spiral arms, so two classes. */
    private static final int OUTPUTS = 2;

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void ownerAndViewerReceiveEveryEpochInOrder() {
        TestServer.Created created = server.create(TestServer.smallConfig(5));
        try (TestSocket owner = server.connect(created.id()); TestSocket viewer = server.connect(created.id())) {
            owner.hello(created.ownerKey());
            JsonNode welcome = owner.next("welcome");
            assertEquals("owner", welcome.get("role").asText());
            assertEquals("ready", welcome.path("state").path("status").asText());
            assertEquals(1, welcome.get("protocolVersion").asInt());
            viewer.hello(null);
            assertEquals("viewer", viewer.next("welcome").get("role").asText());

            owner.send("{\"type\":\"start\"}");
            List<JsonNode> ownerStats = owner.statsUntilStatus("finished");
            List<JsonNode> viewerStats = viewer.statsUntilStatus("finished");

            assertEquals(List.of(0, 1, 2, 3, 4, 5), epochs(ownerStats));
            assertEquals(List.of(0, 1, 2, 3, 4, 5), epochs(viewerStats));
            for (JsonNode stats : ownerStats) {
                assertLayerShapes(stats);
            }
        }
    }

    @Test
    void detailFramesCarryHistogramsAndUnitSamples() {
        TestServer.Created created = server.create(TestServer.smallConfig(2));
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"stepEpoch\"}");
            JsonNode detail = owner.next(frame -> frame.path("type").asText().equals("detail")
                    && frame.get("epoch").asInt() == 1, "detail of epoch 1");

            assertTrue(detail.get("done").asBoolean());
            assertEquals(LAYERS, detail.get("layers").size());
            JsonNode first = detail.get("layers").get(0);
            assertEquals(0, first.get("layerIndex").asInt());
            assertEquals(10, first.path("histograms").path("preActivation").path("counts").size());
            assertEquals(11, first.path("histograms").path("preActivation").path("edges").size());
            assertEquals(4, first.path("units").path("indices").size());
            assertEquals(4, first.path("units").path("meanActivation").size());
        }
    }

    @Test
    void viewerHeavyFramesEndAtLatest() {
        TestServer.Created created = server.create(TestServer.smallConfig(20));
        try (TestSocket owner = server.join(created.id(), created.ownerKey());
             TestSocket viewer = server.join(created.id(), null)) {
            owner.send("{\"type\":\"start\"}");
            owner.statsUntilStatus("finished");
            // Viewers get at most one detail and one prediction a second, but always the latest.
            for (String type : List.of("detail", "prediction")) {
                if (viewer.seen(type).stream().noneMatch(frame -> frame.get("epoch").asInt() == 20)) {
                    viewer.next(frame -> frame.path("type").asText().equals(type)
                            && frame.get("epoch").asInt() == 20, type + " of the last epoch, 20");
                }
            }

            for (String type : List.of("detail", "prediction")) {
                int previous = -1;
                for (JsonNode frame : viewer.seen(type)) {
                    int epoch = frame.get("epoch").asInt();
                    assertTrue(epoch > previous, "viewer " + type + " of epoch " + epoch + " after epoch " + previous);
                    previous = epoch;
                }
            }
        }
    }

    @Test
    void predictionFramesDrawTheDecisionBoundary() {
        TestServer.Created created = server.create(TestServer.smallConfig(2));
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            JsonNode initial = owner.next("prediction");
            owner.send("{\"type\":\"stepEpoch\"}");
            JsonNode afterEpoch = owner.next(frame -> frame.path("type").asText().equals("prediction")
                    && frame.get("epoch").asInt() == 1, "prediction of epoch 1");

            assertEquals(0, initial.get("epoch").asInt());
            JsonNode boundary = afterEpoch.get("boundary");
            assertEquals(48, boundary.get("columns").asInt());
            assertEquals(48, boundary.get("rows").asInt());
            assertEquals(48 * 48, boundary.get("predicted").size());
            assertEquals(48 * 48, boundary.get("confidence").size());
            assertTrue(boundary.get("xMin").asDouble() < boundary.get("xMax").asDouble());
            for (JsonNode confidence : boundary.get("confidence")) {
                // With two classes the larger probability is at least one half.
                assertTrue(confidence.asDouble() >= 0.5, confidence.toString());
                assertTrue(confidence.asDouble() <= 1.0, confidence.toString());
            }
            JsonNode points = afterEpoch.get("points");
            // 200 samples with the default test fraction of 0.2 hold out 40 points.
            assertEquals(40, points.get("x").size());
            assertEquals(40, points.get("predicted").size());
            for (JsonNode label : points.get("label")) {
                assertTrue(label.asInt() == 0 || label.asInt() == 1, label.toString());
            }
            assertEquals(OUTPUTS, afterEpoch.get("classNames").size());
            assertTrue(afterEpoch.toString().length() < 64 * 1024, "prediction frame under 64 KB");
        }
    }

    @Test
    void viewerCommandIsRejectedAndSocketStaysOpen() {
        TestServer.Created created = server.create(TestServer.smallConfig(2));
        try (TestSocket viewer = server.join(created.id(), null)) {
            viewer.send("{\"type\":\"start\"}");
            JsonNode error = viewer.next("error");
            viewer.send("{\"type\":\"ping\"}");
            viewer.next("pong");

            assertEquals("forbidden", error.get("code").asText());
            assertEquals("start", error.get("command").asText());
            assertFalse(viewer.isClosed());
            assertEquals("ready", server.server.registry().find(created.id()).orElseThrow().state().status().toString());
        }
    }

    @Test
    void wrongOwnerKeyJoinsAsViewer() {
        TestServer.Created created = server.create(TestServer.smallConfig(2));
        try (TestSocket socket = server.connect(created.id())) {
            socket.hello("not-the-key");

            assertEquals("forbidden", socket.next("error").get("code").asText());
            assertEquals("viewer", socket.next("welcome").get("role").asText());
        }
    }

    @Test
    void lateJoinerReceivesFullHistory() {
        TestServer.Created created = server.create(TestServer.smallConfig(4));
        List<JsonNode> live;
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"start\"}");
            live = owner.statsUntilStatus("finished");
        }

        try (TestSocket late = server.join(created.id(), null)) {
            JsonNode history = late.next("history");
            JsonNode detail = late.next("detail");

            assertTrue(history.get("done").asBoolean());
            List<JsonNode> replayed = new ArrayList<>();
            history.get("epochs").forEach(replayed::add);
            assertEquals(List.of(0, 1, 2, 3, 4), epochs(replayed));
            assertEquals(live.size(), replayed.size());
            for (int i = 0; i < live.size(); i++) {
                assertEquals(live.get(i), replayed.get(i), "entry " + i + " differs from the live frame");
            }
            assertEquals(4, detail.get("epoch").asInt());
        }
    }

    @Test
    void divergenceReachesClientsWithReason() {
        TestServer.Created created = server.create(TestServer.EXPLODING_CONFIG);
        try (TestSocket owner = server.join(created.id(), created.ownerKey());
             TestSocket viewer = server.join(created.id(), null)) {
            owner.send("{\"type\":\"start\"}");
            JsonNode diverged = viewer.next(frame -> frame.path("state").path("status").asText().equals("diverged"),
                    "state 'diverged'");

            JsonNode divergence = diverged.path("state").path("divergence");
            assertFalse(divergence.path("quantity").asText().isEmpty(), divergence.toString());
            assertFalse(divergence.path("message").asText().isEmpty(), divergence.toString());
            assertFalse(divergence.path("advice").asText().isEmpty(), divergence.toString());
            assertTrue(divergence.path("step").asLong() >= 1, divergence.toString());
            owner.send("{\"type\":\"start\"}");
            assertEquals("invalidState", owner.next("error").get("code").asText());
            HttpResponse<String> fork = server.postJson("/api/sessions/" + created.id() + "/fork", "");
            assertEquals(409, fork.statusCode(), fork.body());
            assertEquals("status", TestServer.json(fork).get("field").asText());
        }
    }

    @Test
    void forkContinuesExactlyLikeItsSource() {
        TestServer.Created source = server.create(TestServer.smallConfig(6));
        try (TestSocket owner = server.join(source.id(), source.ownerKey())) {
            owner.send("{\"type\":\"stepEpoch\"}");
            owner.statsUntilStatus("paused");
            owner.send("{\"type\":\"stepBatch\"}");
            owner.statsUntilStatus("paused");

            HttpResponse<String> response = server.postJson("/api/sessions/" + source.id() + "/fork", "");
            assertEquals(201, response.statusCode(), response.body());
            JsonNode fork = TestServer.json(response);
            assertNotEquals(source.id(), fork.get("id").asText());
            assertEquals(source.id(), fork.get("forkedFrom").asText());

            try (TestSocket forkOwner = server.connect(fork.get("id").asText())) {
                forkOwner.hello(fork.get("ownerKey").asText());
                JsonNode welcome = forkOwner.next("welcome");
                assertEquals("owner", welcome.get("role").asText());
                assertEquals("paused", welcome.path("state").path("status").asText());
                assertEquals(1, welcome.path("state").path("epoch").asInt());

                owner.send("{\"type\":\"stepEpoch\"}");
                forkOwner.send("{\"type\":\"stepEpoch\"}");
                JsonNode sourceNext = owner.next("epoch").get("stats");
                JsonNode forkNext = forkOwner.next("epoch").get("stats");

                assertEquals(2, sourceNext.get("epoch").asInt());
                assertEquals(withoutTiming(sourceNext), withoutTiming(forkNext));
            }
        }
    }

    @Test
    void ownerCommandsChangeLearningRateAndReset() {
        TestServer.Created created = server.create(TestServer.smallConfig(3));
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"setLearningRate\",\"learningRate\":0.02}");
            JsonNode state = owner.next("state");
            owner.send("{\"type\":\"stepBatch\"}");
            JsonNode batch = owner.next("batch");
            owner.send("{\"type\":\"reset\"}");
            JsonNode reset = owner.next("reset");
            JsonNode epochZero = owner.next("epoch");

            assertEquals(0.02, state.path("state").path("learningRate").asDouble());
            assertEquals(1, batch.get("step").asInt());
            assertTrue(Double.isFinite(batch.get("batchLoss").asDouble()));
            assertEquals("ready", reset.path("state").path("status").asText());
            assertEquals(0, epochZero.path("stats").path("step").asInt());
        }
    }

    @Test
    void resetAfterFinishAllowsANewRun() {
        TestServer.Created created = server.create(TestServer.smallConfig(2));
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"start\"}");
            owner.statsUntilStatus("finished");
            owner.send("{\"type\":\"reset\"}");
            owner.next("reset");
            owner.send("{\"type\":\"start\"}");
            List<JsonNode> rerun = owner.statsUntilStatus("finished");

            assertEquals(List.of(0, 1, 2), epochs(rerun), "the epoch 0 frame after the reset, then the new run");
        }
    }

    @Test
    void applyConfigRebuildsWithNewNetwork() {
        TestServer.Created created = server.create(TestServer.smallConfig(3));
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"applyConfig\",\"config\":{\"network\":{\"depth\":5,\"width\":6}}}");
            JsonNode reset = owner.next("reset");
            JsonNode epochZero = owner.next("epoch");

            assertEquals(5, reset.path("config").path("network").path("depth").asInt(), reset.toString());
            assertEquals(6, epochZero.path("stats").path("layers").size());
            assertEquals(6, epochZero.path("stats").path("layers").get(0).get("width").asInt());
        }
    }

    private static void assertLayerShapes(JsonNode stats) {
        JsonNode layers = stats.get("layers");
        assertEquals(LAYERS, layers.size(), "layers of epoch " + stats.get("epoch"));
        for (int i = 0; i < LAYERS; i++) {
            JsonNode layer = layers.get(i);
            assertEquals(i, layer.get("layerIndex").asInt());
            assertEquals(i < LAYERS - 1 ? HIDDEN_WIDTH : OUTPUTS, layer.get("width").asInt());
            assertFalse(layer.has("units"), "epoch frames leave unit samples to detail frames");
            assertFalse(layer.path("preActivation").has("histogram"), "epoch frames leave histograms to detail frames");
            assertTrue(layer.path("preActivation").has("std"));
        }
    }

    private static List<Integer> epochs(List<JsonNode> stats) {
        List<Integer> epochs = new ArrayList<>();
        for (JsonNode entry : stats) {
            epochs.add(entry.get("epoch").asInt());
        }
        return epochs;
    }

    /** Drops samplesPerSecond, the one value that depends on wall time. */
    private static JsonNode withoutTiming(JsonNode stats) {
        ObjectNode copy = stats.deepCopy();
        copy.remove("samplesPerSecond");
        return copy;
    }
}
