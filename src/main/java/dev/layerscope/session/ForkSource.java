package dev.layerscope.session;

import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.stats.EpochStats;
import dev.layerscope.training.TrainerState;

import java.util.List;

/** A session's copy taken between two steps: everything a fork starts from. */
record ForkSource(String sourceId, RunConfig config, Dataset dataset, TrainerState trainerState, SessionState state,
                  List<EpochStats> history) {
}
