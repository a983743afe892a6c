package dev.layerscope.web;

import dev.layerscope.config.RunConfig;
import dev.layerscope.session.SessionListener;
import dev.layerscope.session.SessionState;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.web.protocol.Json;
import dev.layerscope.web.protocol.ServerMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns one connection's session events into frames. Events that arrive between the subscription
 * and the queuing of {@code welcome} and {@code history} are held back and queued right after
 * them, so a joining client sees every snapshot exactly once and in order.
 */
final class Subscriber implements SessionListener {

    private final Connection connection;
    private final FrameCache frames;

    // Guarded by this. Each entry is either a frame or the detail frames of one snapshot.
    private List<Object> heldBack = new ArrayList<>();

    Subscriber(Connection connection, FrameCache frames) {
        this.connection = connection;
        this.frames = frames;
    }

    Connection connection() {
        return connection;
    }

    /** Queues {@code catchUp} (welcome, history, latest detail), then every event held back meanwhile. */
    @SuppressWarnings("unchecked")
    void catchUp(List<String> catchUp, List<String> latestDetail) {
        synchronized (this) {
            connection.sendAll(catchUp);
            connection.sendDetail(latestDetail);
            for (Object held : heldBack) {
                if (held instanceof String frame) {
                    connection.send(frame);
                } else {
                    connection.sendDetail((List<String>) held);
                }
            }
            heldBack = null;
        }
    }

    /** Queues a frame after the catch-up frames. */
    synchronized void send(String frame) {
        if (heldBack != null) {
            heldBack.add(frame);
        } else {
            connection.send(frame);
        }
    }

    private synchronized void sendDetail(List<String> detail) {
        if (heldBack != null) {
            heldBack.add(detail);
        } else {
            connection.sendDetail(detail);
        }
    }

    @Override
    public void onEpoch(EpochStats stats) {
        send(frames.epochFrame(stats));
        sendDetail(frames.detailFrames(stats));
    }

    @Override
    public void onState(SessionState state) {
        send(Json.write(new ServerMessage.State(state)));
    }

    @Override
    public void onBatch(long step, int epoch, double batchLoss) {
        send(Json.write(new ServerMessage.Batch(step, epoch, batchLoss)));
    }

    @Override
    public void onReset(RunConfig config, SessionState state) {
        send(Json.write(new ServerMessage.Reset(ConfigJson.tree(config), state)));
    }

    @Override
    public void onClosed(String reason) {
        connection.close(CloseCodes.NORMAL, reason);
    }
}
