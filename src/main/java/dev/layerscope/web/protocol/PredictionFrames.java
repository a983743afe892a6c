package dev.layerscope.web.protocol;

import dev.layerscope.session.Prediction;
import dev.layerscope.stats.DecisionGrid;

/** Encodes a session's {@link Prediction} as a {@code prediction} frame of about 20 KB. */
public final class PredictionFrames {

    /** Confidence needs no more than 3 decimals to shade a cell, and fewer digits keep the frame small. */
    private static final double CONFIDENCE_SCALE = 1000;

    private PredictionFrames() {
    }

    public static String frame(Prediction prediction) {
        DecisionGrid grid = prediction.grid();
        double[] confidence = grid.confidence();
        for (int i = 0; i < confidence.length; i++) {
            if (Double.isFinite(confidence[i])) {
                confidence[i] = Math.round(confidence[i] * CONFIDENCE_SCALE) / CONFIDENCE_SCALE;
            }
        }
        ServerMessage.Boundary boundary = new ServerMessage.Boundary(grid.xMin(), grid.xMax(), grid.yMin(), grid.yMax(),
                grid.resolution(), grid.resolution(), grid.predictedClass(), confidence);
        ServerMessage.Points points = new ServerMessage.Points(prediction.x(), prediction.y(), prediction.label(),
                prediction.predicted());
        return Json.write(new ServerMessage.Prediction(prediction.epoch(), prediction.step(), boundary, points,
                prediction.classNames()));
    }
}
