package dev.layerscope.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket viewer on a plain {@link SocketChannel} (RFC 6455), light enough that 1,000 of them
 * cost the machine little next to the server. It decodes no text: it reads frame headers, keeps the
 * first {@value #HEAD_BYTES} bytes of each message to find its {@code type} and {@code step}, and
 * records when the last byte of every {@code epoch} message arrived. After the handshake one
 * selector thread calls {@link #consume}, so the counters need no lock.
 */
final class RawViewerSocket {

    static final int HEAD_BYTES = 256;
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final byte[] TYPE_KEY = "\"type\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STEP_KEY = "\"step\":".getBytes(StandardCharsets.US_ASCII);
    private static final int OP_CONTINUATION = 0;
    private static final int OP_CLOSE = 8;
    private static final int OP_PING = 9;

    private final SocketChannel channel;

    // Frame parser state: the header being read, then the payload left of the current frame.
    private final byte[] header = new byte[14];
    private int headerFilled;
    private boolean inPayload;
    private long payloadLeft;
    private int opcode;
    private boolean fin;
    private final byte[] control = new byte[125];
    private int controlFilled;
    private final byte[] head = new byte[HEAD_BYTES];
    private int headFilled;

    // Results.
    private final ArrivalLog arrivals = new ArrivalLog();
    private volatile boolean welcomed;
    private volatile boolean closedByServer;
    private volatile int epochFrames;
    private volatile int detailFrames;
    private int outOfOrder;
    private long lastStep = -1;
    private long receivedBytes;

    RawViewerSocket(SocketChannel channel) {
        this.channel = channel;
    }

    /**
     * Connects to {@code path} on 127.0.0.1, completes the handshake, sends {@code hello} as a
     * viewer, and leaves the channel non-blocking for a selector.
     */
    static RawViewerSocket open(int port, String path) throws IOException {
        SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
        channel.socket().setTcpNoDelay(true);
        RawViewerSocket socket = new RawViewerSocket(channel);
        socket.handshake(port, path);
        socket.writeFrame(0x1, "{\"type\":\"hello\",\"protocolVersion\":1}".getBytes(StandardCharsets.US_ASCII));
        channel.configureBlocking(false);
        return socket;
    }

    private void handshake(int port, String path) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        writeFully(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        String response = readResponseHeader();
        if (!response.startsWith("HTTP/1.1 101") || !response.contains(expectedAccept(key))) {
            channel.close();
            throw new IOException("WebSocket handshake failed: " + response.lines().findFirst().orElse(""));
        }
    }

    /** Reads the HTTP response header byte by byte, so no frame byte after it is consumed here. */
    private String readResponseHeader() throws IOException {
        StringBuilder text = new StringBuilder();
        ByteBuffer one = ByteBuffer.allocate(1);
        while (!text.toString().endsWith("\r\n\r\n")) {
            one.clear();
            if (channel.read(one) < 0) {
                throw new IOException("the server closed the connection during the handshake: " + text);
            }
            text.append((char) one.get(0));
        }
        return text.toString();
    }

    private static String expectedAccept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is missing from this JDK", e);
        }
    }

    SocketChannel channel() {
        return channel;
    }

    /** Parses the bytes in {@code buffer}; {@code nowNanos} is when they were read. */
    void consume(ByteBuffer buffer, long nowNanos) throws IOException {
        while (buffer.hasRemaining()) {
            if (!inPayload) {
                readHeaderByte(buffer.get());
                if (inPayload && payloadLeft == 0) {
                    endFrame(nowNanos);
                }
            } else {
                int count = (int) Math.min(buffer.remaining(), payloadLeft);
                copyPayload(buffer, count);
                payloadLeft -= count;
                receivedBytes += count;
                if (payloadLeft == 0) {
                    endFrame(nowNanos);
                }
            }
        }
    }

    private void readHeaderByte(byte value) throws IOException {
        header[headerFilled++] = value;
        if (headerFilled < 2) {
            return;
        }
        if ((header[1] & 0x80) != 0) {
            throw new IOException("the server sent a masked frame, which RFC 6455 forbids");
        }
        int shortLength = header[1] & 0x7F;
        int needed = 2;
        if (shortLength == 126) {
            needed = 4;
        } else if (shortLength == 127) {
            needed = 10;
        }
        if (headerFilled < needed) {
            return;
        }
        long length = shortLength;
        if (needed > 2) {
            length = 0;
            for (int i = 2; i < needed; i++) {
                length = (length << 8) | (header[i] & 0xFF);
            }
        }
        startFrame(header[0] & 0x0F, (header[0] & 0x80) != 0, length);
    }

    private void startFrame(int frameOpcode, boolean finalFrame, long length) {
        opcode = frameOpcode;
        fin = finalFrame;
        payloadLeft = length;
        inPayload = true;
        headerFilled = 0;
        controlFilled = 0;
        if (frameOpcode != OP_CONTINUATION && frameOpcode < OP_CLOSE) {
            headFilled = 0;
        }
    }

    private void copyPayload(ByteBuffer buffer, int count) {
        int end = buffer.position() + count;
        if (opcode >= OP_CLOSE) {
            int take = Math.min(count, control.length - controlFilled);
            buffer.get(control, controlFilled, take);
            controlFilled += take;
        } else if (headFilled < HEAD_BYTES) {
            int take = Math.min(count, HEAD_BYTES - headFilled);
            buffer.get(head, headFilled, take);
            headFilled += take;
        }
        buffer.position(end);
    }

    private void endFrame(long nowNanos) throws IOException {
        inPayload = false;
        if (opcode == OP_CLOSE) {
            closedByServer = true;
            channel.close();
        } else if (opcode == OP_PING) {
            writeFrame(0xA, Arrays.copyOf(control, controlFilled));
        } else if (opcode < OP_CLOSE && fin) {
            messageArrived(nowNanos);
        }
    }

    private void messageArrived(long nowNanos) {
        String type = typeOf(head, headFilled);
        if ("welcome".equals(type)) {
            welcomed = true;
        } else if ("detail".equals(type)) {
            detailFrames++;
        } else if ("epoch".equals(type)) {
            long step = numberAfter(head, headFilled, STEP_KEY);
            if (step >= 0) {
                outOfOrder += step <= lastStep ? 1 : 0;
                lastStep = step;
                arrivals.add(step, nowNanos);
                epochFrames++;
            }
        }
    }

    static String typeOf(byte[] bytes, int length) {
        int start = indexOf(bytes, length, TYPE_KEY);
        if (start < 0) {
            return null;
        }
        start += TYPE_KEY.length;
        int end = start;
        while (end < length && bytes[end] != '"') {
            end++;
        }
        return end < length ? new String(bytes, start, end - start, StandardCharsets.US_ASCII) : null;
    }

    /** Returns the non-negative integer after {@code key}, or -1 when the key or its digits are missing. */
    static long numberAfter(byte[] bytes, int length, byte[] key) {
        int at = indexOf(bytes, length, key);
        if (at < 0) {
            return -1;
        }
        long value = -1;
        for (int i = at + key.length; i < length && bytes[i] >= '0' && bytes[i] <= '9'; i++) {
            value = Math.max(value, 0) * 10 + (bytes[i] - '0');
        }
        return value;
    }

    private static int indexOf(byte[] bytes, int length, byte[] key) {
        for (int i = 0; i + key.length <= length; i++) {
            if (Arrays.equals(bytes, i, i + key.length, key, 0, key.length)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes one masked client frame; small frames only (hello, pong, close). */
    private void writeFrame(int frameOpcode, byte[] payload) throws IOException {
        if (payload.length > 125) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes; this client sends at most 125");
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        ByteBuffer frame = ByteBuffer.allocate(6 + payload.length);
        frame.put((byte) (0x80 | frameOpcode)).put((byte) (0x80 | payload.length)).put(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.put((byte) (payload[i] ^ mask[i % 4]));
        }
        frame.flip();
        writeFully(frame);
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                Thread.onSpinWait();
            }
        }
    }

    /** Sends a normal close frame and closes the channel without waiting for the server's reply. */
    void close() {
        try {
            if (channel.isOpen()) {
                writeFrame(OP_CLOSE, new byte[] {0x03, (byte) 0xE8});
                channel.close();
            }
        } catch (IOException e) {
            // The server may have closed first; the channel is closed either way.
            closeQuietly();
        }
    }

    void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a channel that failed cannot fail in a way that matters here.
        }
    }

    /** Marks the socket as closed by the server when its connection ended without a close frame. */
    void connectionEnded() {
        closedByServer = true;
        closeQuietly();
    }

    boolean welcomed() {
        return welcomed;
    }

    /**
     * Returns whether the catch-up after {@code hello} has arrived: the server sends the welcome, the
     * history, then the newest snapshot's detail frames, so the first detail frame ends it.
     */
    boolean caughtUp() {
        return welcomed && detailFrames > 0;
    }

    boolean closedByServer() {
        return closedByServer;
    }

    int epochFrames() {
        return epochFrames;
    }

    /** Returns one line: epoch frames, out of order, detail frames, bytes, closed (0 or 1), then step and arrival pairs. */
    String reportLine() {
        StringBuilder line = new StringBuilder("viewer ").append(epochFrames).append(' ').append(outOfOrder).append(' ')
                .append(detailFrames).append(' ').append(receivedBytes).append(' ').append(closedByServer ? 1 : 0);
        arrivals.appendTo(line);
        return line.toString();
    }
}
