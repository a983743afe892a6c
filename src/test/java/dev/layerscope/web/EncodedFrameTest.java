package dev.layerscope.web;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EncodedFrameTest {

    /**
     * Seven ASCII characters of 1 byte each, "é" of 2 bytes and "😀" (U+1F600, a surrogate pair in
     * Java) of 4 bytes in UTF-8: 7 + 2 + 4 = 13 bytes.
     */
    private static final String MIXED = "{\"é\":\"😀\"}";
    private static final int MIXED_BYTES = 13;

    @Test
    void countsUtf8BytesNotCharacters() {
        EncodedFrame frame = EncodedFrame.of(MIXED);

        assertEquals(MIXED_BYTES, frame.byteCount());
        assertEquals(MIXED_BYTES, frame.payload().remaining());
        assertEquals(MIXED, frame.text());
    }

    @Test
    void payloadViewsMoveIndependently() {
        EncodedFrame frame = EncodedFrame.of("{\"type\":\"epoch\"}");
        ByteBuffer first = frame.payload();
        ByteBuffer second = frame.payload();

        first.get(new byte[5]);

        assertEquals(5, first.position());
        assertEquals(0, second.position());
        assertEquals(16, frame.payload().remaining());
    }

    @Test
    void payloadIsReadOnly() {
        ByteBuffer view = EncodedFrame.of("{}").payload();

        assertThrows(ReadOnlyBufferException.class, () -> view.put(0, (byte) 'x'));
    }
}
