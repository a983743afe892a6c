package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A real server on a free port with an HTTP client pointed at it. */
final class TestServer implements AutoCloseable {

    /** A small network that trains an epoch in milliseconds: 3 hidden tanh layers of 8 units on 200 points. */
    static final String SMALL_CONFIG = """
            {"seed": 7, "data": {"dataset": "spirals", "samples": 200},
             "network": {"depth": 3, "width": 8, "activation": "tanh"},
             "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 32, "epochs": %d},
             "stats": {"histogramBins": 10, "unitSample": 4}}""";

    /**
     * 20 ReLU layers with N(0, 100^2) weights and a learning rate of 1000: the engine reports a
     * non-finite activation gradient at step 2 with this seed.
     */
    static final String EXPLODING_CONFIG = """
            {"seed": 3, "data": {"dataset": "spirals", "samples": 200},
             "network": {"depth": 20, "width": 16, "activation": "relu", "init": {"kind": "normal", "sigma": 100}},
             "training": {"optimizer": "sgd", "learningRate": 1000, "batchSize": 32, "epochs": 20}}""";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Server server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Ids and key of a created session. */
    record Created(String id, String ownerKey, JsonNode body) {
    }

    private TestServer(ServerSettings settings) {
        server = new Server(settings).start();
    }

    /** Starts a server on port 0 with no speed cap, so runs are as fast as the machine allows. */
    static TestServer start() {
        return start(defaults());
    }

    static TestServer start(ServerSettings settings) {
        return new TestServer(settings);
    }

    static ServerSettings defaults() {
        ServerSettings defaults = ServerSettings.defaults(0);
        return new ServerSettings("localhost", 0, defaults.frameAncestors(), 2, 0.0, defaults.maxQueuedChars(),
                defaults.sendTimeoutSeconds(), defaults.helloTimeoutSeconds(), defaults.pingSeconds(), defaults.limits());
    }

    static String smallConfig(int epochs) {
        return String.format(SMALL_CONFIG, epochs);
    }

    int port() {
        return server.port();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    HttpResponse<String> postJson(String path, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Created create(String config) {
        HttpResponse<String> response = postJson("/api/sessions", config);
        assertEquals(201, response.statusCode(), response.body());
        JsonNode body = json(response);
        return new Created(body.get("id").asText(), body.get("ownerKey").asText(), body);
    }

    TestSocket connect(String sessionId) {
        return TestSocket.open(http, port(), sessionId, false);
    }

    TestSocket connectStalled(String sessionId) {
        return TestSocket.open(http, port(), sessionId, true);
    }

    /** Connects, sends hello (as owner when {@code ownerKey} is given) and waits for the welcome. */
    TestSocket join(String sessionId, String ownerKey) {
        TestSocket socket = connect(sessionId);
        socket.hello(ownerKey);
        socket.next("welcome");
        return socket;
    }

    /**
     * Joins {@code count} viewers to the owner's session, adding each to {@code viewers} (so the caller
     * closes them even when this fails), and waits until the owner sees them all in the viewer count.
     */
    void joinViewers(Created created, TestSocket owner, int count, List<TestSocket> viewers) {
        for (int i = 0; i < count; i++) {
            viewers.add(join(created.id(), null));
        }
        owner.next(frame -> frame.path("type").asText().equals("viewerCount")
                && frame.get("viewerCount").asInt() == count + 1, "viewer count " + (count + 1));
    }

    /** Starts the session as its owner and waits until it has finished. */
    void trainToEnd(Created created) {
        try (TestSocket owner = join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"start\"}");
            owner.statsUntilStatus("finished");
        }
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
