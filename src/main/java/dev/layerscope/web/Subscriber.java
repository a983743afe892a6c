package dev.layerscope.web;

import dev.layerscope.config.RunConfig;
import dev.layerscope.session.Prediction;
import dev.layerscope.session.SessionListener;
import dev.layerscope.session.SessionState;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.web.protocol.Json;
import dev.layerscope.web.protocol.ServerMessage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Turns one connection's session events into frames. Events that arrive between the subscription
 * and the queuing of {@code welcome} and {@code history} are held back and queued right after
 * them, so a joining client sees every snapshot exactly once and in order.
 */
final class Subscriber implements SessionListener {

    static final String DETAIL = "detail";
    static final String PREDICTION = "prediction";

    /** Frames queued together; {@code kind} is null for frames that must all arrive. */
    private record Batch(String kind, List<EncodedFrame> frames) {
    }

    private final Connection connection;
    private final FrameCache frames;
    private final SessionChannel.ViewerPacing pacing;

    // Guarded by this; null once the catch-up frames are queued.
    private List<Batch> heldBack = new ArrayList<>();

    /** {@code pacing} paces this client's heavy frames; null gives it every one (the owner). */
    Subscriber(Connection connection, FrameCache frames, SessionChannel.ViewerPacing pacing) {
        this.connection = connection;
        this.frames = frames;
        this.pacing = pacing;
    }

    /**
     * Queues the welcome, the history (encoded frame by frame as the client reads it), the latest
     * detail and prediction, then every event held back meanwhile.
     */
    synchronized void catchUp(String welcome, Iterator<String> history, List<EncodedFrame> latestDetail,
                              Prediction latestPrediction) {
        connection.send(welcome);
        connection.sendStream(history);
        connection.sendLatest(DETAIL, latestDetail);
        if (latestPrediction != null) {
            connection.sendLatest(PREDICTION, List.of(frames.predictionFrame(latestPrediction)));
        }
        for (Batch batch : heldBack) {
            queue(batch);
        }
        heldBack = null;
    }

    /** Queues a frame after the catch-up frames. */
    void send(String frame) {
        send(EncodedFrame.of(frame));
    }

    /** Queues a frame, encoded already and perhaps shared with other connections, after the catch-up frames. */
    void send(EncodedFrame frame) {
        enqueue(new Batch(null, List.of(frame)));
    }

    private synchronized void enqueue(Batch batch) {
        if (heldBack != null) {
            heldBack.add(batch);
        } else {
            queue(batch);
        }
    }

    private void queue(Batch batch) {
        if (batch.kind() == null) {
            connection.sendAll(batch.frames());
        } else {
            connection.sendLatest(batch.kind(), batch.frames());
        }
    }

    /** Queues the detail of a snapshot that the pacing skipped earlier; the owner has it already. */
    void sendSkippedDetail(EpochStats stats) {
        if (pacing != null) {
            enqueue(new Batch(DETAIL, frames.detailFrames(stats)));
        }
    }

    /** Queues a prediction that the pacing skipped earlier; the owner has it already. */
    void sendSkippedPrediction(Prediction prediction) {
        if (pacing != null) {
            enqueue(new Batch(PREDICTION, List.of(frames.predictionFrame(prediction))));
        }
    }

    @Override
    public void onEpoch(EpochStats stats) {
        send(frames.epochFrame(stats));
    }

    @Override
    public void onEpochDetail(EpochStats stats) {
        if (pacing == null || pacing.detail().sendsNow(stats)) {
            enqueue(new Batch(DETAIL, frames.detailFrames(stats)));
        }
    }

    @Override
    public void onPrediction(Prediction prediction) {
        if (pacing == null || pacing.prediction().sendsNow(prediction)) {
            enqueue(new Batch(PREDICTION, List.of(frames.predictionFrame(prediction))));
        }
    }

    @Override
    public void onState(SessionState state) {
        send(frames.stateFrame(state));
    }

    @Override
    public void onBatch(long step, int epoch, double batchLoss) {
        send(Json.write(new ServerMessage.Batch(step, epoch, batchLoss)));
    }

    @Override
    public void onReset(RunConfig config, SessionState state) {
        send(frames.resetFrame(config, state));
    }

    @Override
    public void onClosed(String reason) {
        connection.close(CloseCodes.NORMAL, reason);
    }
}
