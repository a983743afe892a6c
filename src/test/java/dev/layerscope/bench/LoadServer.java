package dev.layerscope.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerscope.session.Limits;
import dev.layerscope.session.Session;
import dev.layerscope.web.Server;
import dev.layerscope.web.ServerSettings;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A Layerscope server started in this JVM on 127.0.0.1 and a free port, with an HTTP client for it.
 * Benchmarks talk to it through HTTP and WebSockets like a browser, and read server-side facts
 * (session state, history) through the in-process API.
 */
final class LoadServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String HOST = "127.0.0.1";

    /** Ids and key of a created session. */
    record Created(String id, String ownerKey) {
    }

    final Server server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LoadServer(ServerSettings settings) {
        server = new Server(settings).start();
    }

    /**
     * Starts a server with two training threads, the given default speed cap, and limits raised to
     * {@code maxViewers} connections per session and {@code maxParameters} weights per network.
     */
    static LoadServer start(double defaultEpochsPerSecond, int maxViewers, long maxParameters, int maxTrainerMegabytes) {
        return start(defaultEpochsPerSecond, maxViewers, maxParameters, maxTrainerMegabytes, Limits.DEFAULTS.maxEpochs());
    }

    /**
     * Starts a server as {@link #start(double, int, long, int)} does, allowing runs of up to {@code maxEpochs}
     * epochs of the deepest network with a snapshot every epoch.
     */
    static LoadServer start(double defaultEpochsPerSecond, int maxViewers, long maxParameters, int maxTrainerMegabytes,
                            int maxEpochs) {
        ServerSettings defaults = ServerSettings.defaults(0);
        Limits base = Limits.DEFAULTS;
        Limits limits = new Limits(maxParameters, maxTrainerMegabytes, base.maxLayers(), base.maxWidth(), maxEpochs,
                base.maxSamples(), base.maxHistogramBins(), base.maxUnitSample(),
                Math.max(base.maxHistoryRows(), (maxEpochs + 1L) * (base.maxLayers() + 1)), base.maxSessions(),
                maxViewers, base.maxUploadBytes(), base.maxUploads(), base.maxMessageBytes(), base.commandsPerSecond(),
                base.maxEpochsPerSecond(), base.idleSeconds());
        ServerSettings settings = new ServerSettings(HOST, 0, defaults.frameAncestors(), 2, defaultEpochsPerSecond,
                defaults.maxQueuedChars(), defaults.sendTimeoutSeconds(), defaults.helloTimeoutSeconds(),
                defaults.pingSeconds(), limits);
        return new LoadServer(settings);
    }

    Created create(String configJson) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + server.port() + "/api/sessions"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(2))
                .POST(HttpRequest.BodyPublishers.ofString(configJson))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("creating a session failed with HTTP " + response.statusCode()
                        + ": " + response.body());
            }
            JsonNode body = MAPPER.readTree(response.body());
            return new Created(body.get("id").asText(), body.get("ownerKey").asText());
        } catch (IOException e) {
            throw new IllegalStateException("creating a session failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating a session", e);
        }
    }

    /** Opens a socket to session {@code id} and sends {@code hello}, as owner when {@code ownerKey} is not null. */
    ViewerSocket connect(String id, String ownerKey, PublishLog published) {
        URI uri = URI.create("ws://" + HOST + ":" + server.port() + "/ws/sessions/" + id);
        ViewerSocket socket = ViewerSocket.open(http, uri, published);
        socket.send(ownerKey == null ? "{\"type\":\"hello\",\"protocolVersion\":1}"
                : "{\"type\":\"hello\",\"protocolVersion\":1,\"ownerKey\":\"" + ownerKey + "\"}");
        return socket;
    }

    Session session(String id) {
        return server.registry().find(id).orElseThrow(() -> new IllegalStateException("session " + id + " not found"));
    }

    @Override
    public void close() {
        server.close();
    }
}
