package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerscope.session.Limits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LimitsTest {

    /**
     * Small limits so each can be passed with a small request. The base configuration below has
     * 2 hidden layers of 8 units on 2 inputs and 2 classes: (2*8 + 8) + (8*8 + 8) + (8*2 + 2) = 114
     * parameters, under maxParameters = 500. Its 160 training samples make 5 batches of 32 per
     * epoch, so 3 epochs keep (1 + 3) snapshots x 3 layers = 12 history rows, under maxHistoryRows = 50.
     */
    private static final Limits SMALL = new Limits(500, 64, 4, 16, 10, 500, 20, 8, 50, 50, 2, 10_240, 5, 2048, 100, 10, 3600);
    private static final String BASE = """
            {"seed": 1, "data": {"dataset": "spirals", "samples": 200},
             "network": {"depth": 2, "width": 8, "activation": "tanh"},
             "training": {"batchSize": 32, "epochs": 3}, "stats": {"histogramBins": 10, "unitSample": 4}}""";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(TestServer.defaults().withLimits(SMALL));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    /** A change to the base configuration (a JSON value at a path), the field the error must name, and its value. */
    private record BadConfig(String path, String json, String field, String value) {
    }

    @Test
    void badConfigurationsGetFieldErrors() {
        List<BadConfig> table = List.of(
                new BadConfig("network.depth", "5", "network.depth", "5"),
                new BadConfig("network.width", "17", "network.width", "17"),
                new BadConfig("network", "{\"hiddenLayers\": [{\"width\": 8}, {\"width\": 40}]}",
                        "network.hiddenLayers[1].width", "40"),
                new BadConfig("training.epochs", "11", "training.epochs", "11"),
                new BadConfig("data.samples", "600", "data.samples", "600"),
                new BadConfig("stats.histogramBins", "21", "stats.histogramBins", "21"),
                new BadConfig("stats.unitSample", "9", "stats.unitSample", "9"),
                // 2*16+16 + 3*(16*16+16) + 16*2+2 = 898 parameters > 500.
                new BadConfig("network", "{\"depth\": 4, \"width\": 16}", "network", "898"),
                // Statistics after every step: 1 + 3 + 3 * 5 = 19 snapshots x 3 layers = 57 rows > 50.
                new BadConfig("stats", "{\"histogramBins\": 10, \"unitSample\": 4, \"everySteps\": 1}",
                        "stats.everySteps", "1"),
                // The engine accepts a folder for headless runs; the server must not read folders users name.
                new BadConfig("data", "{\"dataset\": \"mnist\", \"samples\": 200, \"directory\": \"/tmp\"}",
                        "data.directory", "/tmp"),
                new BadConfig("training.learningRate", "-1", "training.learningRate", "-1"),
                new BadConfig("network.activation", "\"swishy\"", "network.activation", "swishy"),
                new BadConfig("data.dataset", "\"no-such-set\"", "data.dataset", "no-such-set"));
        for (BadConfig bad : table) {
            String body = withChange(bad.path(), bad.json());
            HttpResponse<String> response = server.postJson("/api/sessions", body);
            JsonNode error = TestServer.json(response);

            assertEquals(400, response.statusCode(), body + " -> " + response.body());
            assertEquals(bad.field(), error.path("field").asText(), response.body());
            assertTrue(error.path("value").asText().contains(bad.value()), response.body());
            assertFalse(error.path("allowed").asText().isEmpty(), response.body());
            assertFalse(error.path("error").asText().isEmpty(), response.body());
            assertEquals(1, error.path("errors").size(), response.body());
        }
    }

    @Test
    void everyInvalidFieldIsListed() {
        String body = withChange("training.epochs", "50").replace("\"depth\":2", "\"depth\":9");

        HttpResponse<String> response = server.postJson("/api/sessions", body);
        JsonNode errors = TestServer.json(response).get("errors");

        assertEquals(400, response.statusCode());
        assertEquals(2, errors.size(), response.body());
        assertEquals("network.depth", errors.get(0).get("field").asText());
        assertEquals("training.epochs", errors.get(1).get("field").asText());
    }

    /** Returns the base configuration with the value at a dotted path replaced by {@code json}. */
    private static String withChange(String path, String json) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(BASE);
            String[] parts = path.split("\\.");
            ObjectNode parent = root;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = (ObjectNode) parent.get(parts[i]);
            }
            parent.set(parts[parts.length - 1], MAPPER.readTree(json));
            return root.toString();
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test row " + path + " = " + json, e);
        }
    }

    @Test
    void badBodiesGetClearStatuses() {
        assertError(server.postJson("/api/sessions", "{\"network\": "), 400, "body");
        assertError(server.postJson("/api/sessions", "[1, 2]"), 400, "body");
        assertError(server.postJson("/api/sessions", "{\"bogus\": 1}"), 400, "bogus");
        assertError(server.postJson("/api/sessions", "{\"network\": {\"depth\": 2}, \"description\": \""
                + "x".repeat(3000) + "\"}"), 413, "body");
        HttpResponse<String> form = server.send(HttpRequest.newBuilder(server.uri("/api/sessions"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(BASE)).build());
        assertError(form, 415, "Content-Type");
        assertError(server.get("/api/sessions/unknown-id"), 404, "id");
        assertError(server.postJson("/api/sessions/unknown-id/fork", ""), 404, "id");
        assertError(server.get("/api/presets/no-such-preset"), 404, "name");
        assertError(server.get("/api/no-such-endpoint"), 404, "path");
    }

    @Test
    void badFramesGetErrorsAndSocketStaysOpen() {
        TestServer.Created created = server.create(BASE);
        try (TestSocket owner = server.connect(created.id())) {
            owner.send("{\"type\":\"start\"}");
            assertEquals("helloRequired", owner.next("error").get("code").asText());
            owner.hello(created.ownerKey());
            owner.next("welcome");

            List<List<String>> table = List.of(
                    List.of("not json", "malformed"),
                    List.of("[1, 2]", "malformed"),
                    List.of("{}", "malformed"),
                    List.of("{\"type\": 5}", "malformed"),
                    List.of("{\"type\": \"fly\"}", "unknownType"),
                    List.of("{\"type\": \"setLearningRate\"}", "invalidField"),
                    List.of("{\"type\": \"setLearningRate\", \"learningRate\": -1}", "invalidField"),
                    List.of("{\"type\": \"setLearningRate\", \"learningRate\": \"fast\"}", "invalidField"),
                    List.of("{\"type\": \"setLearningRate\", \"learningRate\": 5000}", "invalidField"),
                    List.of("{\"type\": \"setSpeed\", \"epochsPerSecond\": 11}", "invalidField"),
                    List.of("{\"type\": \"applyConfig\"}", "invalidField"),
                    List.of("{\"type\": \"applyConfig\", \"config\": " + withChange("network.depth", "9") + "}",
                            "invalidConfig"),
                    List.of("{\"type\": \"applyConfig\", \"config\": {\"training\": {\"optimizer\": \"magic\"}}}",
                            "invalidConfig"),
                    List.of("{\"type\": \"pause\"}", "invalidState"),
                    List.of("{\"type\": \"hello\"}", "invalidState"),
                    List.of("{\"type\": \"ping\", \"pad\": \"" + "x".repeat(3000) + "\"}", "tooLarge"));
            for (List<String> row : table) {
                owner.send(row.get(0));
                JsonNode error = owner.next("error");
                owner.send("{\"type\":\"ping\"}");
                owner.next("pong");

                assertEquals(row.get(1), error.get("code").asText(), row.get(0) + " -> " + error);
                assertFalse(error.get("error").asText().isEmpty(), error.toString());
                assertFalse(owner.isClosed(), row.get(0));
            }
            owner.sendBinary(new byte[] {1, 2, 3});
            assertEquals("malformed", owner.next("error").get("code").asText());
            owner.send("{\"type\":\"ping\"}");
            owner.next("pong");
        }
    }

    @Test
    void negativeZeroSpeedMeansNoCap() {
        TestServer.Created created = server.create(BASE);
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"setSpeed\",\"epochsPerSecond\":-0.0}");
            JsonNode state = owner.next("state");

            assertEquals("0.0", state.path("state").path("epochsPerSecond").toString(), state.toString());
        }
    }

    @Test
    void invalidApplyConfigListsEveryField() {
        TestServer.Created created = server.create(BASE);
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            String config = withChange("network", "{\"depth\": 9, \"width\": 99}");
            owner.send("{\"type\":\"applyConfig\",\"config\":" + config + "}");
            JsonNode error = owner.next("error");

            assertEquals("invalidConfig", error.get("code").asText());
            assertEquals(2, error.get("errors").size(), error.toString());
            assertEquals("ready", server.server.registry().find(created.id()).orElseThrow().state().status().toString());
        }
    }

    @Test
    void viewersBeyondLimitAreClosed() {
        TestServer.Created created = server.create(BASE);
        try (TestSocket first = server.join(created.id(), created.ownerKey());
             TestSocket second = server.join(created.id(), null);
             TestSocket third = server.connect(created.id())) {
            third.hello(null);

            assertEquals(CloseCodes.TOO_MANY_VIEWERS, third.awaitClose());
            first.send("{\"type\":\"ping\"}");
            first.next("pong");
            second.send("{\"type\":\"ping\"}");
            second.next("pong");
        }
    }

    @Test
    void unknownSessionSocketIsClosed() {
        try (TestSocket socket = server.connect("no-such-session")) {
            assertEquals("invalidField", socket.next("error").get("code").asText());
            assertEquals(CloseCodes.SESSION_NOT_FOUND, socket.awaitClose());
        }
    }

    @Test
    void otherProtocolVersionIsClosed() {
        TestServer.Created created = server.create(BASE);
        try (TestSocket socket = server.connect(created.id())) {
            socket.send("{\"type\":\"hello\",\"protocolVersion\":2}");

            assertEquals("unsupportedProtocol", socket.next("error").get("code").asText());
            assertEquals(CloseCodes.UNSUPPORTED_PROTOCOL, socket.awaitClose());
        }
    }

    @Test
    void connectionsPerClientAreLimited() {
        Limits twoPerClient = SMALL.withMaxConnectionsPerClient(2);
        try (TestServer small = TestServer.start(TestServer.defaults().withLimits(twoPerClient))) {
            TestServer.Created firstSession = small.create(BASE);
            TestServer.Created secondSession = small.create(BASE);
            try (TestSocket first = small.join(firstSession.id(), firstSession.ownerKey());
                 TestSocket second = small.join(secondSession.id(), secondSession.ownerKey());
                 TestSocket third = small.connect(secondSession.id())) {

                assertEquals(CloseCodes.TOO_MANY_VIEWERS, third.awaitClose());
                second.close();
                try (TestSocket replacement = awaitAccepted(small, secondSession)) {
                    replacement.send("{\"type\":\"ping\"}");
                    replacement.next("pong");
                }
                first.send("{\"type\":\"ping\"}");
                first.next("pong");
            }
        }
    }

    /** Joins {@code created} as its owner once the server has counted a closed connection off. */
    private static TestSocket awaitAccepted(TestServer server, TestServer.Created created) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            TestSocket socket = server.connect(created.id());
            try {
                socket.hello(created.ownerKey());
                JsonNode welcome = socket.nextWithin(frame -> frame.path("type").asText().equals("welcome"), Duration.ofSeconds(2));
                if (welcome != null) {
                    return socket;
                }
            } catch (CompletionException e) {
                // The server closed this connection at once, because the closed one is not counted off yet.
            }
            socket.close();
            assertTrue(Instant.now().isBefore(deadline), "the closed connection was never counted off");
        }
    }

    @Test
    void sessionLimitGives503() {
        Limits twoSessions = new Limits(500, 64, 4, 16, 10, 500, 20, 8, 1000, 2, 2, 10_240, 5, 2048, 100, 10, 3600);
        try (TestServer small = TestServer.start(TestServer.defaults().withLimits(twoSessions))) {
            small.create(BASE);
            small.create(BASE);

            HttpResponse<String> third = small.postJson("/api/sessions", BASE);

            assertError(third, 503, "sessions");
        }
    }

    @Test
    void sessionsPerClientLimitGives429() {
        try (TestServer small = TestServer.start(TestServer.defaults().withLimits(SMALL.withMaxSessionsPerClient(2)))) {
            String first = small.create(BASE).id();
            small.create(BASE);

            HttpResponse<String> third = small.postJson("/api/sessions", BASE);
            HttpResponse<String> fork = small.postJson("/api/sessions/" + first + "/fork", "");

            assertError(third, 429, "sessions");
            assertTrue(TestServer.json(third).get("allowed").asText().contains("maxSessionsPerClient"), third.body());
            assertError(fork, 429, "sessions");
        }
    }

    @Test
    void trainerMemoryLimitGives400() {
        Limits oneMegabyte = new Limits(1_000_000, 1, 64, 1024, 2000, 60_000, 100, 64, 200_000, 50, 2, 10_240, 5, 2048,
                100, 10, 3600);
        try (TestServer small = TestServer.start(TestServer.defaults().withLimits(oneMegabyte))) {
            // Batches of 1,024 rows through 2 layers of 64 units need several MiB of per-sample buffers.
            HttpResponse<String> response = small.postJson("/api/sessions", """
                    {"data": {"dataset": "spirals", "samples": 2000},
                     "network": {"depth": 2, "width": 64}, "training": {"batchSize": 1024}}""");

            assertError(response, 400, "network");
            assertTrue(TestServer.json(response).get("allowed").asText().contains("maxTrainerMegabytes"),
                    response.body());
        }
    }

    @Test
    void messagesBeyondRateAreDropped() {
        Limits onePerSecond = new Limits(500, 64, 4, 16, 10, 500, 20, 8, 1000, 50, 2, 10_240, 5, 2048, 1, 10, 3600);
        try (TestServer strict = TestServer.start(TestServer.defaults().withLimits(onePerSecond))) {
            TestServer.Created created = strict.create(BASE);
            try (TestSocket owner = strict.connect(created.id())) {
                // The bucket starts with 2 tokens: hello takes one and the first ping the other.
                owner.hello(created.ownerKey());
                for (int i = 0; i < 4; i++) {
                    owner.send("{\"type\":\"ping\"}");
                }
                JsonNode error = owner.next("error");

                assertEquals("rateLimited", error.get("code").asText());
                assertFalse(owner.isClosed());
            }
        }
    }

    @Test
    void floodOfMessagesGetsFewNotices() {
        Limits onePerSecond = new Limits(500, 64, 4, 16, 10, 500, 20, 8, 1000, 50, 2, 10_240, 5, 2048, 1, 10, 3600);
        try (TestServer strict = TestServer.start(TestServer.defaults().withLimits(onePerSecond))) {
            TestServer.Created created = strict.create(BASE);
            try (TestSocket owner = strict.connect(created.id())) {
                owner.hello(created.ownerKey());
                for (int i = 0; i < 200; i++) {
                    owner.send("{\"type\":\"ping\"}");
                }
                owner.next("pong");
                // The bucket has a token again about a second later. The pong of a ping sent then comes
                // after every notice the flood caused.
                Instant deadline = Instant.now().plusSeconds(20);
                JsonNode late = null;
                while (late == null && Instant.now().isBefore(deadline)) {
                    owner.send("{\"type\":\"ping\"}");
                    late = owner.nextWithin(frame -> frame.path("type").asText().equals("pong"), Duration.ofMillis(200));
                }
                assertTrue(late != null, "no ping was answered after the flood");
                long notices = owner.seen("error").stream().filter(e -> e.get("code").asText().equals("rateLimited")).count();

                assertTrue(notices >= 1, "the flood was reported");
                assertTrue(notices <= 3, notices + " notices for a flood of 200 messages");
                assertFalse(owner.isClosed());
            }
        }
    }

    @Test
    void silentConnectionIsClosed() {
        try (TestServer quick = TestServer.start(TestServer.defaults().withHelloTimeoutSeconds(1))) {
            TestServer.Created created = quick.create(BASE);
            try (TestSocket silent = quick.connect(created.id())) {
                assertEquals(CloseCodes.HELLO_TIMEOUT, silent.awaitClose());
            }
        }
    }

    @Test
    void idleSessionExpires() {
        Limits oneSecond = new Limits(500, 64, 4, 16, 10, 500, 20, 8, 1000, 50, 2, 10_240, 5, 2048, 100, 10, 1);
        try (TestServer expiring = TestServer.start(TestServer.defaults().withLimits(oneSecond))) {
            TestServer.Created created = expiring.create(BASE);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            // Polls the registry, not the HTTP API: a request counts as use and would keep the session alive.
            while (expiring.server.registry().size() > 0) {
                if (Instant.now().isAfter(deadline)) {
                    fail("the session did not expire within 20 s");
                }
                Thread.onSpinWait();
            }

            assertEquals(404, expiring.get("/api/sessions/" + created.id()).statusCode());
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = TestServer.json(response);
        assertEquals(field, body.path("field").asText(), response.body());
        assertFalse(body.path("error").asText().isEmpty(), response.body());
        assertTrue(body.has("value"), response.body());
        assertTrue(body.has("allowed"), response.body());
    }
}
