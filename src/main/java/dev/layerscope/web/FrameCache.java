package dev.layerscope.web;

import dev.layerscope.session.Prediction;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.web.protocol.PredictionFrames;
import dev.layerscope.web.protocol.StatsFrames;

import java.util.List;

/**
 * The encoded frames of a session's latest snapshot. A session notifies its listeners one after
 * another with the same {@link EpochStats} object, so each snapshot is serialised once however
 * many clients watch.
 */
final class FrameCache {

    private EpochStats encoded;
    private String epochFrame;
    private List<String> detailFrames;
    private Prediction encodedPrediction;
    private String predictionFrame;

    synchronized String epochFrame(EpochStats stats) {
        encode(stats);
        return epochFrame;
    }

    synchronized List<String> detailFrames(EpochStats stats) {
        encode(stats);
        return detailFrames;
    }

    synchronized String predictionFrame(Prediction prediction) {
        if (prediction != encodedPrediction) {
            predictionFrame = PredictionFrames.frame(prediction);
            encodedPrediction = prediction;
        }
        return predictionFrame;
    }

    private void encode(EpochStats stats) {
        if (stats != encoded) {
            epochFrame = StatsFrames.epochFrame(stats);
            detailFrames = StatsFrames.detailFrames(stats);
            encoded = stats;
        }
    }
}
