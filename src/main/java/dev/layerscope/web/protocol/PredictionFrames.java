package dev.layerscope.web.protocol;

import dev.layerscope.session.Prediction;
import dev.layerscope.stats.DecisionGrid;

import java.util.Base64;
import java.util.List;

/**
 * Encodes a session's {@link Prediction} as a {@code prediction} frame: about 20 KB with a decision
 * grid, about 22 KB with 20 MNIST sample images.
 */
public final class PredictionFrames {

    /** Confidence needs no more than 3 decimals to shade a cell or caption an image, and fewer digits keep the frame small. */
    private static final double CONFIDENCE_SCALE = 1000;

    private PredictionFrames() {
    }

    public static String frame(Prediction prediction) {
        ServerMessage.Boundary boundary = prediction.grid() == null ? null : boundary(prediction.grid());
        Prediction.Points held = prediction.points();
        ServerMessage.Points points = held == null ? null
                : new ServerMessage.Points(held.x(), held.y(), held.label(), held.predicted());
        ServerMessage.Samples samples = prediction.samples() == null ? null : samples(prediction.samples());
        return Json.write(new ServerMessage.Prediction(prediction.epoch(), prediction.step(), boundary, points,
                samples, prediction.classNames()));
    }

    private static ServerMessage.Boundary boundary(DecisionGrid grid) {
        return new ServerMessage.Boundary(grid.xMin(), grid.xMax(), grid.yMin(), grid.yMax(),
                grid.resolution(), grid.resolution(), grid.predictedClass(), rounded(grid.confidence()));
    }

    private static ServerMessage.Samples samples(Prediction.Samples samples) {
        Base64.Encoder encoder = Base64.getEncoder();
        List<String> pixels = samples.pixels().stream().map(encoder::encodeToString).toList();
        return new ServerMessage.Samples(new int[] {samples.height(), samples.width()}, pixels, samples.label(),
                samples.predicted(), rounded(samples.confidence()));
    }

    /** Rounds finite probabilities in place to 3 decimals and returns the array; NaN stays NaN. */
    private static double[] rounded(double[] probabilities) {
        for (int i = 0; i < probabilities.length; i++) {
            if (Double.isFinite(probabilities[i])) {
                probabilities[i] = Math.round(probabilities[i] * CONFIDENCE_SCALE) / CONFIDENCE_SCALE;
            }
        }
        return probabilities;
    }
}
