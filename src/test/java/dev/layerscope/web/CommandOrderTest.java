package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Owner commands sent right after {@code reset} or {@code applyConfig}, before the rebuild has run,
 * apply to the rebuilt session in the order they were sent.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CommandOrderTest {

    /** The learning rate of {@link TestServer#SMALL_CONFIG}. */
    private static final double CONFIG_LEARNING_RATE = 0.1;
    private static final double NEW_LEARNING_RATE = 0.01;

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void stepBatchAfterResetRuns() {
        TestServer.Created created = server.create(TestServer.smallConfig(5));
        try (TestSocket owner = pausedAfterOneEpoch(created)) {

            owner.send("{\"type\":\"reset\"}");
            owner.send("{\"type\":\"stepBatch\"}");

            owner.next("reset");
            JsonNode batch = owner.next("batch");
            assertEquals(1, batch.get("step").asInt());
            JsonNode paused = owner.next(frame -> status(frame).equals("paused"), "state 'paused'");
            assertEquals(1, paused.path("state").path("step").asInt());
        }
    }

    @Test
    void startAfterResetRunsToTheEnd() {
        TestServer.Created created = server.create(TestServer.smallConfig(3));
        try (TestSocket owner = pausedAfterOneEpoch(created)) {

            owner.send("{\"type\":\"reset\"}");
            owner.send("{\"type\":\"start\"}");

            owner.next("reset");
            JsonNode finished = owner.next(frame -> status(frame).equals("finished"), "state 'finished'");
            assertEquals(3, finished.path("state").path("epoch").asInt());
        }
    }

    @Test
    void startAfterApplyConfigRunsTheNewConfig() {
        TestServer.Created created = server.create(TestServer.smallConfig(1000));
        try (TestSocket owner = pausedAfterOneEpoch(created)) {

            owner.send("{\"type\":\"applyConfig\",\"config\":" + TestServer.smallConfig(2) + "}");
            owner.send("{\"type\":\"start\"}");

            JsonNode reset = owner.next("reset");
            assertEquals(2, reset.path("config").path("training").path("epochs").asInt());
            JsonNode finished = owner.next(frame -> status(frame).equals("finished"), "state 'finished'");
            assertEquals(2, finished.path("state").path("epoch").asInt());
        }
    }

    @Test
    void learningRateAfterResetIsKept() {
        TestServer.Created created = server.create(TestServer.smallConfig(5));
        try (TestSocket owner = pausedAfterOneEpoch(created)) {

            owner.send("{\"type\":\"reset\"}");
            owner.send("{\"type\":\"setLearningRate\",\"learningRate\":" + NEW_LEARNING_RATE + "}");
            owner.send("{\"type\":\"stepEpoch\"}");

            owner.next("reset");
            JsonNode epoch = owner.next(frame -> frame.path("type").asText().equals("epoch")
                    && frame.path("stats").path("epoch").asInt() == 1, "the epoch frame of epoch 1");
            assertEquals(NEW_LEARNING_RATE, epoch.path("stats").path("learningRate").asDouble());
            JsonNode paused = owner.next(frame -> status(frame).equals("paused"), "state 'paused'");
            assertEquals(NEW_LEARNING_RATE, paused.path("state").path("learningRate").asDouble());
        }
    }

    @Test
    void learningRateBeforeResetIsDropped() {
        TestServer.Created created = server.create(TestServer.smallConfig(5));
        try (TestSocket owner = pausedAfterOneEpoch(created)) {

            owner.send("{\"type\":\"setLearningRate\",\"learningRate\":" + NEW_LEARNING_RATE + "}");
            owner.send("{\"type\":\"reset\"}");
            owner.send("{\"type\":\"stepEpoch\"}");

            JsonNode reset = owner.next("reset");
            assertEquals(CONFIG_LEARNING_RATE, reset.path("state").path("learningRate").asDouble());
            JsonNode epoch = owner.next(frame -> frame.path("type").asText().equals("epoch")
                    && frame.path("stats").path("epoch").asInt() == 1, "the epoch frame of epoch 1");
            assertEquals(CONFIG_LEARNING_RATE, epoch.path("stats").path("learningRate").asDouble());
        }
    }

    @Test
    void startAfterResetOfDivergedSessionIsAccepted() {
        TestServer.Created created = server.create(TestServer.EXPLODING_CONFIG);
        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            owner.send("{\"type\":\"start\"}");
            owner.next(frame -> status(frame).equals("diverged"), "state 'diverged'");

            owner.send("{\"type\":\"reset\"}");
            owner.send("{\"type\":\"stepBatch\"}");

            JsonNode afterReset = owner.next(frame -> frame.path("type").asText().equals("error")
                    || frame.path("type").asText().equals("batch"), "a batch or error frame");
            assertEquals("batch", afterReset.path("type").asText(), afterReset.toString());
            assertEquals(1, afterReset.get("step").asInt());
            assertFalse(owner.seen("reset").isEmpty(), "the reset frame comes before the batch");
        }
    }

    private static TestSocket pausedAfterOneEpoch(TestServer.Created created) {
        TestSocket owner = server.join(created.id(), created.ownerKey());
        owner.send("{\"type\":\"stepEpoch\"}");
        owner.next(frame -> status(frame).equals("paused"), "state 'paused'");
        return owner;
    }

    private static String status(JsonNode frame) {
        return frame.path("state").path("status").asText();
    }
}
