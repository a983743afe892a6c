package dev.layerscope.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket client that counts frames and, for every {@code epoch} frame, the latency from the
 * session's publication (from a {@link PublishLog}) to the moment the whole frame arrived here.
 * Callbacks of one socket run one at a time, so the counters need no lock; readers on other threads
 * see them through the volatile fields.
 */
final class ViewerSocket implements WebSocket.Listener {

    private static final Pattern TYPE = Pattern.compile("\"type\":\"(\\w+)\"");
    private static final Pattern STEP = Pattern.compile("\"step\":(\\d+)");

    private final PublishLog published;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final LatencyRecorder latencies = new LatencyRecorder();
    private volatile WebSocket socket;
    private volatile int epochFrames;
    private volatile int detailFrames;
    private volatile long lastStep = -1;
    private volatile int outOfOrder;
    private volatile long receivedChars;
    private volatile boolean welcomed;

    private ViewerSocket(PublishLog published) {
        this.published = published;
    }

    static ViewerSocket open(HttpClient http, URI uri, PublishLog published) {
        ViewerSocket listener = new ViewerSocket(published);
        listener.socket = http.newWebSocketBuilder().buildAsync(uri, listener).join();
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
            long arrived = System.nanoTime();
            receivedChars += partial.length();
            frameArrived(partial, arrived);
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    private void frameArrived(CharSequence frame, long arrivedNanos) {
        CharSequence head = frame.subSequence(0, Math.min(frame.length(), 200));
        Matcher type = TYPE.matcher(head);
        if (!type.find()) {
            return;
        }
        switch (type.group(1)) {
            case "welcome" -> welcomed = true;
            case "detail" -> detailFrames++;
            case "epoch" -> epochArrived(head, arrivedNanos);
            default -> {
            }
        }
    }

    private void epochArrived(CharSequence head, long arrivedNanos) {
        Matcher step = STEP.matcher(head);
        if (!step.find()) {
            return;
        }
        long value = Long.parseLong(step.group(1));
        if (value <= lastStep) {
            outOfOrder++;
        }
        lastStep = value;
        epochFrames++;
        Long sent = published.publishedNanos(value);
        if (sent != null) {
            latencies.add((arrivedNanos - sent) / 1e6);
        }
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

    /** Closes the socket normally without waiting for the server's reply. */
    void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    boolean welcomed() {
        return welcomed;
    }

    boolean closedByServer() {
        return closeCode.isDone();
    }

    int closeCode() {
        return closeCode.getNow(0);
    }

    int epochFrames() {
        return epochFrames;
    }

    int detailFrames() {
        return detailFrames;
    }

    int outOfOrder() {
        return outOfOrder;
    }

    long receivedChars() {
        return receivedChars;
    }

    long lastStep() {
        return lastStep;
    }

    LatencyRecorder latencies() {
        return latencies;
    }
}
