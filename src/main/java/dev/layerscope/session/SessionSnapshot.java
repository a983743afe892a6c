package dev.layerscope.session;

import dev.layerscope.config.RunConfig;
import dev.layerscope.stats.EpochStats;

import java.util.List;

/**
 * A joining client's starting point: the configuration, the state and every statistics snapshot
 * so far (the last one complete), and the latest prediction or null. It is taken atomically with the subscription, so no event is
 * missed or repeated.
 */
public record SessionSnapshot(RunConfig config, SessionState state, List<EpochStats> history,
                              Prediction prediction) {

    public SessionSnapshot {
        history = List.copyOf(history);
    }
}
