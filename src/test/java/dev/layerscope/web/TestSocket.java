package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A real {@code java.net.http} WebSocket client that collects every frame. A stalled socket
 * requests one frame and then reads nothing more, like a browser tab frozen by the user.
 */
final class TestSocket implements WebSocket.Listener, AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final List<String> texts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<JsonNode> seen = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final boolean stalled;
    private WebSocket socket;

    private TestSocket(boolean stalled) {
        this.stalled = stalled;
    }

    static TestSocket open(HttpClient client, int port, String sessionId, boolean stalled) {
        TestSocket listener = new TestSocket(stalled);
        listener.socket = client.newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws/sessions/" + sessionId), listener)
                .join();
        return listener;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            texts.add(partial.toString());
            try {
                frames.add(MAPPER.readTree(partial.toString()));
            } catch (Exception e) {
                frames.add(MAPPER.createObjectNode().put("type", "unparseable").put("text", partial.toString()));
            }
            partial.setLength(0);
        }
        if (!stalled) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.complete(-1);
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
    }

    void hello(String ownerKey) {
        send(ownerKey == null ? "{\"type\":\"hello\",\"protocolVersion\":1}"
                : "{\"type\":\"hello\",\"protocolVersion\":1,\"ownerKey\":\"" + ownerKey + "\"}");
    }

    /** Returns the next frame of {@code type}, skipping others, or fails at the deadline. */
    JsonNode next(String type) {
        return next(frame -> frame.path("type").asText().equals(type), "a '" + type + "' frame");
    }

    JsonNode next(Predicate<JsonNode> wanted, String description) {
        JsonNode frame = nextWithin(wanted, DEADLINE);
        if (frame == null) {
            fail("no " + description + " within " + DEADLINE.toSeconds() + " s; frames so far: " + summary());
        }
        return frame;
    }

    /** Returns the next frame that {@code matches} accepts, skipping others, or null when {@code wait} passes first. */
    JsonNode nextWithin(Predicate<JsonNode> matches, Duration wait) {
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            long remaining = Duration.between(Instant.now(), deadline).toMillis();
            JsonNode frame = null;
            if (remaining > 0) {
                try {
                    frame = frames.poll(remaining, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (frame == null) {
                return null;
            }
            seen.add(frame);
            if (matches.test(frame)) {
                return frame;
            }
        }
    }

    /** Returns the epoch frames' stats, and the history entries, until the status frame {@code status}. */
    List<JsonNode> statsUntilStatus(String status) {
        List<JsonNode> stats = new ArrayList<>();
        next(frame -> {
            String type = frame.path("type").asText();
            if (type.equals("epoch")) {
                stats.add(frame.get("stats"));
            } else if (type.equals("history")) {
                frame.get("epochs").forEach(stats::add);
            }
            return type.equals("state") && frame.path("state").path("status").asText().equals(status);
        }, "state '" + status + "'");
        return stats;
    }

    /** Returns every frame of {@code type} that {@link #next} has read so far, skipped ones included. */
    List<JsonNode> seen(String type) {
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode frame : seen) {
            if (frame.path("type").asText().equals(type)) {
                matching.add(frame);
            }
        }
        return matching;
    }

    int awaitClose() {
        try {
            return closeCode.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            fail("the socket was not closed within " + DEADLINE.toSeconds() + " s; frames: " + summary());
            return 0;
        }
    }

    /** Returns the text of every frame received so far, as it arrived, in order. */
    List<String> texts() {
        return List.copyOf(texts);
    }

    boolean isClosed() {
        return closeCode.isDone();
    }

    private String summary() {
        List<String> types = new ArrayList<>();
        for (JsonNode frame : seen) {
            types.add(frame.path("type").asText());
        }
        return types.size() > 40 ? types.subList(types.size() - 40, types.size()).toString() : types.toString();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }
}
