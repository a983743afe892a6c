package dev.layerscope.web;

import dev.layerscope.config.RunConfig;
import dev.layerscope.session.Prediction;
import dev.layerscope.session.SessionState;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.web.protocol.Json;
import dev.layerscope.web.protocol.PredictionFrames;
import dev.layerscope.web.protocol.ServerMessage;
import dev.layerscope.web.protocol.StatsFrames;

import java.util.List;

/**
 * The encoded frames of a session's latest events. A session notifies its listeners one after
 * another with the same event object, so each snapshot, prediction, state and reset is serialised
 * and encoded to UTF-8 once however many clients watch. Events are compared by identity.
 */
final class FrameCache {

    private EpochStats encoded;
    private EncodedFrame epochFrame;
    private List<EncodedFrame> detailFrames;
    private Prediction encodedPrediction;
    private EncodedFrame predictionFrame;
    private SessionState encodedState;
    private EncodedFrame stateFrame;
    private SessionState encodedResetState;
    private RunConfig encodedResetConfig;
    private EncodedFrame resetFrame;

    synchronized EncodedFrame epochFrame(EpochStats stats) {
        encode(stats);
        return epochFrame;
    }

    synchronized List<EncodedFrame> detailFrames(EpochStats stats) {
        encode(stats);
        return detailFrames;
    }

    synchronized EncodedFrame predictionFrame(Prediction prediction) {
        if (prediction != encodedPrediction) {
            predictionFrame = EncodedFrame.of(PredictionFrames.frame(prediction));
            encodedPrediction = prediction;
        }
        return predictionFrame;
    }

    synchronized EncodedFrame stateFrame(SessionState state) {
        if (state != encodedState) {
            stateFrame = EncodedFrame.of(Json.write(new ServerMessage.State(state)));
            encodedState = state;
        }
        return stateFrame;
    }

    synchronized EncodedFrame resetFrame(RunConfig config, SessionState state) {
        if (config != encodedResetConfig || state != encodedResetState) {
            resetFrame = EncodedFrame.of(Json.write(new ServerMessage.Reset(ConfigJson.tree(config), state)));
            encodedResetConfig = config;
            encodedResetState = state;
        }
        return resetFrame;
    }

    private void encode(EpochStats stats) {
        if (stats != encoded) {
            epochFrame = EncodedFrame.of(StatsFrames.epochFrame(stats));
            detailFrames = EncodedFrame.ofAll(StatsFrames.detailFrames(stats));
            encoded = stats;
        }
    }
}
