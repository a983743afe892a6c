package dev.layerscope.web;

import dev.layerscope.stats.EpochStats;
import dev.layerscope.web.protocol.StatsFrames;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Frames encoded once and written to many real sockets as the same bytes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SharedFramesTest {

    private static final int VIEWERS = 40;
    private static final int EPOCHS = 6;

    @Test
    void viewersGetIdenticalEpochFrames() {
        try (TestServer server = TestServer.start()) {
            TestServer.Created created = server.create(TestServer.smallConfig(EPOCHS));
            List<TestSocket> viewers = new ArrayList<>();
            try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
                server.joinViewers(created, owner, VIEWERS, viewers);

                owner.send("{\"type\":\"start\"}");
                for (TestSocket viewer : viewers) {
                    viewer.statsUntilStatus("finished");
                }

                // Every viewer joined before the start, so it got the first snapshot in its history
                // and every later one as an epoch frame, serialised here the same way the server does.
                List<EpochStats> history = server.server.registry().find(created.id()).orElseThrow().history();
                List<String> expected = history.subList(1, history.size()).stream().map(StatsFrames::epochFrame).toList();
                assertEquals(EPOCHS, expected.size());
                for (TestSocket viewer : viewers) {
                    assertEquals(expected, framesOfType(viewer, "epoch"));
                }
            } finally {
                viewers.forEach(TestSocket::close);
            }
        }
    }

    @Test
    void nonAsciiTextArrivesAsUtf8() {
        String unknownId = "séance-日本-😀";
        try (TestServer server = TestServer.start();
             TestSocket socket = server.connect(URLEncoder.encode(unknownId, StandardCharsets.UTF_8))) {

            JsonNode error = socket.next("error");

            assertEquals(unknownId, error.get("value").asText());
        }
    }

    private static List<String> framesOfType(TestSocket socket, String type) {
        String marker = "\"type\":\"" + type + "\"";
        return socket.texts().stream().filter(text -> text.startsWith("{" + marker)).toList();
    }
}
