package dev.layerscope.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The UTF-8 bytes of one text frame, encoded once. Every connection that sends the frame writes
 * the same bytes through its own view, so a snapshot sent to 1,000 viewers is encoded once, not
 * once per socket.
 */
final class EncodedFrame {

    private final ByteBuffer utf8;

    private EncodedFrame(ByteBuffer utf8) {
        this.utf8 = utf8;
    }

    static EncodedFrame of(String text) {
        return new EncodedFrame(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer());
    }

    static List<EncodedFrame> ofAll(List<String> texts) {
        return texts.stream().map(EncodedFrame::of).toList();
    }

    int byteCount() {
        return utf8.capacity();
    }

    /**
     * Returns a read-only view of the bytes for one send. Writing it moves only the view's
     * position, so any number of sockets may write views of the same frame at once.
     */
    ByteBuffer payload() {
        return utf8.duplicate();
    }

    /** Decodes the bytes again; for tests and logs, never on the send path. */
    String text() {
        ByteBuffer view = payload();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
