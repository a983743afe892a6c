package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Datasets;
import dev.layerscope.session.Limits;
import dev.layerscope.training.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TrainerBudgetTest {

    /** Batches of 1,024 rows through 2 layers of 64 units: several MiB of per-sample buffers. */
    private static final String LARGE = """
            {"seed": 3, "data": {"dataset": "spirals", "samples": 2000},
             "network": {"depth": 2, "width": 64}, "training": {"batchSize": 1024}}""";
    private static final long MEBIBYTE = 1024 * 1024;

    @Test
    void trainersShareOneMemoryBudget() {
        long large = estimate(LARGE);
        long small = estimate(TestServer.smallConfig(1));
        // Room for one large trainer and the small one, but not for two large ones.
        int budgetMegabytes = (int) ((large + large / 2) / MEBIBYTE + 1);
        assertTrue(small < large / 2, "the small trainer must fit beside the large one");
        Limits limits = Limits.DEFAULTS.withMaxTotalTrainerMegabytes(budgetMegabytes);
        try (TestServer server = TestServer.start(TestServer.defaults().withLimits(limits))) {
            TestServer.Created first = server.create(LARGE);

            HttpResponse<String> second = server.postJson("/api/sessions", LARGE);
            HttpResponse<String> fork = server.postJson("/api/sessions/" + first.id() + "/fork", "");

            assertOverBudget(second);
            assertOverBudget(fork);
            assertEquals(large, server.server.registry().reservedTrainerBytes());

            try (TestSocket owner = server.join(first.id(), first.ownerKey())) {
                owner.send("{\"type\":\"applyConfig\",\"config\":" + TestServer.smallConfig(1) + "}");
                owner.next("reset");
            }
            // The old trainer's bytes are released just after the reset frame goes out.
            awaitReserved(server, small);
            TestServer.Created third = server.create(LARGE);

            assertEquals(large + small, server.server.registry().reservedTrainerBytes());
            try (TestSocket owner = server.join(first.id(), first.ownerKey())) {
                owner.send("{\"type\":\"applyConfig\",\"config\":" + LARGE + "}");
                JsonNode error = owner.next("error");

                assertEquals("invalidConfig", error.get("code").asText(), error.toString());
                assertEquals("network", error.get("field").asText(), error.toString());
            }
            assertEquals(large + small, server.server.registry().reservedTrainerBytes());
            assertEquals(200, server.get("/api/sessions/" + third.id()).statusCode());
        }
    }

    private static void awaitReserved(TestServer server, long bytes) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (server.server.registry().reservedTrainerBytes() != bytes) {
            if (Instant.now().isAfter(deadline)) {
                fail("reserved " + server.server.registry().reservedTrainerBytes() + " bytes, expected " + bytes);
            }
            Thread.onSpinWait();
        }
    }

    private static void assertOverBudget(HttpResponse<String> response) {
        JsonNode body = TestServer.json(response);
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("network", body.path("field").asText(), response.body());
        assertTrue(body.path("allowed").asText().contains("maxTotalTrainerMegabytes"), response.body());
    }

    private static long estimate(String json) {
        RunConfig config = RunConfig.fromJson(json);
        return Trainer.estimateMemoryBytes(config, Datasets.load(config.data(), config.seed()));
    }
}
