package dev.layerscope.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RawViewerSocketTest {

    private static final String SMALL_CONFIG = """
            {"seed": 3, "data": {"dataset": "spirals", "samples": 200},
             "network": {"depth": 3, "width": 8, "activation": "tanh"},
             "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 32, "epochs": %d},
             "stats": {"histogramBins": 10, "unitSample": 4}}""";

    @Test
    void parserReadsFramesSplitAnywhere() throws IOException {
        // A 300-byte epoch message needs the 16-bit length form, and is followed by a detail message.
        String epoch = "{\"type\":\"epoch\",\"stats\":{\"epoch\":3,\"step\":42,\"pad\":\"" + "x".repeat(250) + "\"}}";
        byte[] wire = concat(serverFrame(0x1, epoch), serverFrame(0x1, "{\"type\":\"detail\"}"));
        try (SocketChannel unconnected = SocketChannel.open()) {
            RawViewerSocket socket = new RawViewerSocket(unconnected);

            for (byte value : wire) {
                socket.consume(ByteBuffer.wrap(new byte[] {value}), 1000L);
            }

            assertEquals(1, socket.epochFrames());
            String expectedPayloadBytes = Integer.toString(epoch.length() + "{\"type\":\"detail\"}".length());
            assertEquals("viewer 1 0 1 " + expectedPayloadBytes + " 0 42 1000", socket.reportLine());
        }
    }

    @Test
    void typeAndStepComeFromMessageHead() {
        byte[] head = "{\"type\":\"epoch\",\"stats\":{\"epoch\":2,\"step\":1234}}".getBytes(StandardCharsets.US_ASCII);

        assertEquals("epoch", RawViewerSocket.typeOf(head, head.length));
        assertEquals(1234, RawViewerSocket.numberAfter(head, head.length, "\"step\":".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(-1, RawViewerSocket.numberAfter(head, head.length, "\"loss\":".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void clientProcessReceivesEveryEpoch() throws IOException {
        int epochs = 4;
        try (LoadServer load = LoadServer.start(0.0, 10, 1_000_000, 256)) {
            LoadServer.Created created = load.create(SMALL_CONFIG.formatted(epochs));
            PublishLog published = new PublishLog();
            load.session(created.id()).subscribe(published);
            ViewerSocket owner = load.connect(created.id(), created.ownerKey(), published);
            try (ViewerClients viewers = ViewerClients.start(load.server.port(), created.id(), 3)) {
                assertEquals(3, viewers.awaitCaughtUp(Duration.ofSeconds(60)));
                assertTrue(viewers.clockCheck().withinRoundTrip(), "both processes read the same monotonic clock");

                owner.send("{\"type\":\"start\"}");
                assertTrue(Waits.until(() -> published.publishedCount() == epochs, Duration.ofSeconds(60)));
                List<ViewerResult> results = viewers.report(epochs, Duration.ofSeconds(60), published).viewers();

                assertEquals(3, results.size());
                for (ViewerResult viewer : results) {
                    assertEquals(epochs, viewer.epochFrames());
                    assertEquals(0, viewer.outOfOrder());
                    assertFalse(viewer.closedByServer());
                    assertEquals(epochs, viewer.latencyMillis().length);
                    for (double latency : viewer.latencyMillis()) {
                        assertTrue(latency >= 0, "arrival after publication, got " + latency + " ms");
                    }
                }
            } finally {
                owner.close();
            }
        }
    }

    private static byte[] serverFrame(int opcode, String text) {
        byte[] payload = text.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 4);
        frame.put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            frame.put((byte) payload.length);
        } else {
            frame.put((byte) 126).putShort((short) payload.length);
        }
        frame.put(payload);
        return java.util.Arrays.copyOf(frame.array(), frame.position());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
