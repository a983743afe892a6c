package dev.layerscope.web.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.session.Prediction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictionFramesTest {

    /** The server's pixel budget per frame: 24 images of 28 x 28. */
    private static final int IMAGES = 24;
    private static final int SIDE = 28;
    private static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    @Test
    void imageFrameAtPixelBudgetStaysUnder64KB() {
        List<byte[]> pixels = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            byte[] image = new byte[SIDE * SIDE];
            Arrays.fill(image, (byte) 0xFF);
            pixels.add(image);
        }
        int[] classes = new int[IMAGES];
        Arrays.fill(classes, 9);
        double[] confidence = new double[IMAGES];
        Arrays.fill(confidence, 0.123456789);
        Prediction prediction = new Prediction(2000, Long.MAX_VALUE, null, null,
                new Prediction.Samples(SIDE, SIDE, pixels, classes, classes, confidence), FASHION_CLASSES);

        String frame = PredictionFrames.frame(prediction);

        int bytes = frame.getBytes(StandardCharsets.UTF_8).length;
        // 24 base64 strings of 4 x ceil(784 / 3) = 1,048 characters, each with 2 quotes and a comma,
        // are 25,224 bytes; labels, predictions, confidences and class names add under 1 KB.
        assertTrue(bytes > 25_224, bytes + " bytes");
        assertTrue(bytes < 26_500, bytes + " bytes");
        assertTrue(bytes < 64 * 1024, bytes + " bytes");
    }

    @Test
    void imageFrameEncodesPixelsAndRoundsConfidence() throws Exception {
        byte[] image = {0, 1, 127, (byte) 128, (byte) 255, 64};
        Prediction prediction = new Prediction(3, 96, null, null,
                new Prediction.Samples(2, 3, List.of(image), new int[] {1}, new int[] {0}, new double[] {0.87654}),
                List.of("a", "b"));

        JsonNode frame = Json.MAPPER.readTree(PredictionFrames.frame(prediction));

        assertEquals("prediction", frame.get("type").asText());
        assertTrue(frame.path("boundary").isMissingNode(), "no boundary without a grid");
        assertTrue(frame.path("points").isMissingNode(), "no points without a grid");
        JsonNode samples = frame.get("samples");
        assertEquals(2, samples.get("imageShape").get(0).asInt());
        assertEquals(3, samples.get("imageShape").get(1).asInt());
        assertArrayEquals(image, Base64.getDecoder().decode(samples.get("pixels").get(0).asText()));
        assertEquals(1, samples.get("label").get(0).asInt());
        assertEquals(0, samples.get("predicted").get(0).asInt());
        assertEquals(0.877, samples.get("confidence").get(0).asDouble());
    }
}
