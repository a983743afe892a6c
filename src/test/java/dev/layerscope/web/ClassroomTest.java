package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClassroomTest {

    private static final int VIEWERS = 150;
    private static final int EPOCHS = 5;

    @Test
    void everyViewerOfAClassReceivesEveryEpoch() {
        try (TestServer server = TestServer.start()) {
            TestServer.Created created = server.create(TestServer.smallConfig(EPOCHS));
            List<TestSocket> viewers = new ArrayList<>();
            try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
                server.joinViewers(created, owner, VIEWERS, viewers);

                owner.send("{\"type\":\"start\"}");

                for (TestSocket viewer : viewers) {
                    List<Integer> epochs = new ArrayList<>();
                    for (JsonNode stats : viewer.statsUntilStatus("finished")) {
                        epochs.add(stats.get("epoch").asInt());
                    }
                    assertEquals(List.of(0, 1, 2, 3, 4, 5), epochs);
                }
            } finally {
                viewers.forEach(TestSocket::close);
            }
        }
    }
}
