package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.CsvDatasets;
import dev.layerscope.data.CsvLimits;
import dev.layerscope.data.CsvOptions;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Scaling;
import dev.layerscope.session.Limits;
import dev.layerscope.training.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An uploaded file is split anew for every seed, so each seed's copy of it takes memory. Those copies
 * count in the budget of {@code maxTotalTrainerMegabytes}, or a client could fill the heap with one
 * upload and many seeds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatasetBudgetTest {

    private static final int ROWS = 2000;
    private static final int FEATURES = 100;
    private static final int CLASSES = 2;
    /**
     * The arrays of both splits together: a double per feature and per one-hot output of each row, and
     * an int label per row: 2,000 x (100 + 2) x 8 + 2,000 x 4 = 1,640,000 bytes.
     */
    private static final long DATASET_BYTES = (long) ROWS * (FEATURES + CLASSES) * Double.BYTES
            + (long) ROWS * Integer.BYTES;
    private static final long MEBIBYTE = 1024 * 1024;
    private static final String CONFIG = """
            {"seed": %d, "data": {"dataset": "%s"}, "network": {"depth": 1, "width": 2}}""";

    @Test
    void uploadCopiesCountInTheBudget() {
        byte[] csv = csvFile();
        long trainerBytes = trainerEstimate(csv);
        // Room for two copies of the dataset and four trainers, but not for a third copy and a third trainer.
        long fits = 2 * DATASET_BYTES + 4 * trainerBytes;
        int budgetMegabytes = (int) ((fits + MEBIBYTE - 1) / MEBIBYTE);
        assertTrue(budgetMegabytes * MEBIBYTE < 3 * (DATASET_BYTES + trainerBytes), "the budget must exclude a third copy");
        Limits limits = Limits.DEFAULTS.withMaxTotalTrainerMegabytes(budgetMegabytes);
        try (TestServer server = TestServer.start(TestServer.defaults().withLimits(limits))) {
            String dataset = upload(server, csv);

            server.create(String.format(CONFIG, 1, dataset));
            server.create(String.format(CONFIG, 2, dataset));
            HttpResponse<String> thirdSeed = server.postJson("/api/sessions", String.format(CONFIG, 3, dataset));
            TestServer.Created sameSeed = server.create(String.format(CONFIG, 1, dataset));

            JsonNode body = TestServer.json(thirdSeed);
            assertEquals(400, thirdSeed.statusCode(), thirdSeed.body());
            assertEquals("data.dataset", body.path("field").asText(), thirdSeed.body());
            assertEquals(dataset, body.path("value").asText(), thirdSeed.body());
            assertTrue(body.path("allowed").asText().contains("maxTotalTrainerMegabytes"), thirdSeed.body());
            assertEquals(2 * DATASET_BYTES, server.server.registry().reservedDatasetBytes());
            assertEquals(201, server.postJson("/api/sessions/" + sameSeed.id() + "/fork", "").statusCode(),
                    "a fork shares its source's dataset");
            assertEquals(2 * DATASET_BYTES, server.server.registry().reservedDatasetBytes());
        }
    }

    private static byte[] csvFile() {
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < ROWS; row++) {
            for (int feature = 0; feature < FEATURES; feature++) {
                csv.append((row * 7 + feature) % 10).append(',');
            }
            csv.append(row % CLASSES == 0 ? "a" : "b").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long trainerEstimate(byte[] csv) {
        Dataset dataset = CsvDatasets.fromUpload("budget.csv", csv, CsvOptions.DEFAULT, CsvLimits.DEFAULT,
                Scaling.UNIT_RANGE, 0.2, 1);
        assertEquals(DATASET_BYTES, (long) (dataset.train().features().length + dataset.test().features().length)
                * Double.BYTES + (long) (dataset.train().targets().length + dataset.test().targets().length)
                * Double.BYTES + (long) ROWS * Integer.BYTES);
        return Trainer.estimateMemoryBytes(RunConfig.fromJson(String.format(CONFIG, 1, "spirals")), dataset);
    }

    private static String upload(TestServer server, byte[] csv) {
        HttpResponse<String> response = server.send(HttpRequest.newBuilder(server.uri("/api/datasets"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build());
        assertEquals(201, response.statusCode(), response.body());
        return TestServer.json(response).get("dataset").asText();
    }
}
