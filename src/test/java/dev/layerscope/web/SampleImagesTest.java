package dev.layerscope.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.data.DataSpec;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Datasets;
import dev.layerscope.data.Scaling;
import dev.layerscope.data.Split;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sample images in the prediction frames of image datasets, over a real server and WebSocket. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SampleImagesTest {

    private static final int SEED = 7;
    private static final int CLASSES = 10;
    /** The server sends the first 2 test images of each class. */
    private static final int PER_CLASS = 2;
    private static final int MAX_FRAME_CHARS = 64 * 1024;
    /** The 8x8 digits store pixel values from 0 to 16, their format maximum in the bundled catalog. */
    private static final double DIGITS_MAXIMUM = 16;
    private static final int EPOCHS = 5;

    /**
     * Standardized features, so the page's pixels must come from the stored values and not from the
     * values the network receives. With this seed all 20 sample images are classified right after 5 epochs
     * (measured); the test requires at least 15.
     */
    private static final String DIGITS_CONFIG = """
            {"seed": %d, "data": {"dataset": "digits", "scaling": "standardize"},
             "network": {"depth": 2, "width": 32, "activation": "relu", "init": {"kind": "he-normal"}},
             "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 32, "epochs": %d},
             "stats": {"histogramBins": 10, "unitSample": 4}}""".formatted(SEED, EPOCHS);

    private static final String MNIST_CONFIG = """
            {"seed": %d, "data": {"dataset": "mnist"},
             "network": {"depth": 1, "width": 16, "activation": "relu", "init": {"kind": "he-normal"}},
             "training": {"epochs": 1}, "stats": {"histogramBins": 10, "unitSample": 4}}""".formatted(SEED);

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
    void digitsFramesShowStoredPixelsAndLearn() {
        Dataset stored = Datasets.load(DataSpec.of("digits").withScaling(Scaling.NONE), SEED);
        List<Integer> chosen = firstTwoOfEachClass(stored.test());
        TestServer.Created created = server.create(DIGITS_CONFIG);

        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            JsonNode initial = owner.next("prediction");
            owner.send("{\"type\":\"start\"}");
            JsonNode trained = owner.next(frame -> frame.path("type").asText().equals("prediction")
                    && frame.get("epoch").asInt() == EPOCHS, "prediction of epoch " + EPOCHS);

            assertEquals(0, initial.get("epoch").asInt());
            assertTrue(initial.path("boundary").isMissingNode(), "no decision grid for images");
            assertTrue(initial.path("points").isMissingNode(), "no points for images");
            assertEquals(CLASSES, initial.get("classNames").size());
            for (JsonNode frame : List.of(initial, trained)) {
                assertSamplesMatch(frame.get("samples"), stored, chosen, 8, 8, DIGITS_MAXIMUM);
                assertTrue(frame.toString().length() < MAX_FRAME_CHARS, "frame of " + frame.toString().length() + " chars");
            }
            int correctBefore = correctCount(initial.get("samples"));
            int correctAfter = correctCount(trained.get("samples"));
            assertNotEquals(predictions(initial.get("samples")), predictions(trained.get("samples")));
            assertTrue(correctAfter > correctBefore, correctBefore + " then " + correctAfter + " correct of 20");
            assertTrue(correctAfter >= 15, correctAfter + " of 20 correct after " + EPOCHS + " epochs");
        }
    }

    @Test
    void mnistFrameFitsTwentyFullImages() {
        Dataset stored = Datasets.load(DataSpec.of("mnist").withScaling(Scaling.NONE), SEED);
        List<Integer> chosen = firstTwoOfEachClass(stored.test());
        TestServer.Created created = server.create(MNIST_CONFIG);

        try (TestSocket viewer = server.join(created.id(), null)) {
            JsonNode frame = viewer.next("prediction");

            // MNIST stores grey levels 0 to 255, so the frame's bytes are the stored values themselves.
            assertSamplesMatch(frame.get("samples"), stored, chosen, 28, 28, 255);
            // 20 images of 784 bytes are 20 base64 strings of 1,048 characters: about 21 KB in all.
            int length = frame.toString().length();
            assertTrue(length > 20 * 1048, "frame of " + length + " chars");
            assertTrue(length < MAX_FRAME_CHARS, "frame of " + length + " chars");
        }
    }

    @Test
    void applyConfigSwitchesBoundaryToImages() {
        TestServer.Created created = server.create(TestServer.smallConfig(2));

        try (TestSocket owner = server.join(created.id(), created.ownerKey())) {
            JsonNode spirals = owner.next("prediction");
            owner.send("{\"type\":\"applyConfig\",\"config\":" + DIGITS_CONFIG + "}");
            owner.next("reset");
            JsonNode digits = owner.next("prediction");

            assertTrue(spirals.has("boundary"), "spirals have a decision boundary");
            assertTrue(spirals.path("samples").isMissingNode(), "spirals have no sample images");
            assertTrue(digits.path("boundary").isMissingNode(), "digits have no decision boundary");
            assertEquals(0, digits.get("epoch").asInt());
            assertEquals(CLASSES * PER_CLASS, digits.path("samples").path("pixels").size());
        }
    }

    /** Returns the test indices of the first 2 samples of each class, class 0 first. */
    private static List<Integer> firstTwoOfEachClass(Split test) {
        List<Integer> chosen = new ArrayList<>();
        for (int label = 0; label < CLASSES; label++) {
            int taken = 0;
            for (int i = 0; i < test.sampleCount() && taken < PER_CLASS; i++) {
                if (test.labels()[i] == label) {
                    chosen.add(i);
                    taken++;
                }
            }
        }
        return chosen;
    }

    private static void assertSamplesMatch(JsonNode samples, Dataset stored, List<Integer> chosen, int height,
                                           int width, double formatMaximum) {
        assertEquals(height, samples.get("imageShape").get(0).asInt());
        assertEquals(width, samples.get("imageShape").get(1).asInt());
        assertEquals(chosen.size(), samples.get("pixels").size());
        assertEquals(chosen.size(), samples.get("label").size());
        assertEquals(chosen.size(), samples.get("predicted").size());
        assertEquals(chosen.size(), samples.get("confidence").size());
        int pixels = height * width;
        for (int i = 0; i < chosen.size(); i++) {
            int index = chosen.get(i);
            byte[] expected = new byte[pixels];
            for (int p = 0; p < pixels; p++) {
                double value = stored.test().features()[index * pixels + p];
                expected[p] = (byte) Math.round(value * 255 / formatMaximum);
            }
            byte[] sent = Base64.getDecoder().decode(samples.get("pixels").get(i).asText());
            assertArrayEquals(expected, sent, "pixels of test image " + index);
            assertEquals(stored.test().labels()[index], samples.get("label").get(i).asInt(), "label of image " + i);
            int predicted = samples.get("predicted").get(i).asInt();
            assertTrue(predicted >= 0, "predicted class " + predicted);
            assertTrue(predicted < CLASSES, "predicted class " + predicted);
            // The largest of 10 probabilities is at least 1/10.
            double confidence = samples.get("confidence").get(i).asDouble();
            assertTrue(confidence >= 0.1, "confidence " + confidence);
            assertTrue(confidence <= 1.0, "confidence " + confidence);
        }
    }

    private static int correctCount(JsonNode samples) {
        int correct = 0;
        for (int i = 0; i < samples.get("label").size(); i++) {
            if (samples.get("label").get(i).asInt() == samples.get("predicted").get(i).asInt()) {
                correct++;
            }
        }
        return correct;
    }

    private static List<Integer> predictions(JsonNode samples) {
        List<Integer> predicted = new ArrayList<>();
        samples.get("predicted").forEach(value -> predicted.add(value.asInt()));
        return predicted;
    }
}
