package dev.layerscope.session;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.training.Trainer;
import dev.layerscope.training.TrainerState;

/**
 * Builds trainers, turning the engine's rejection of a configuration that does not fit its dataset
 * (an {@link IllegalArgumentException}, such as a classification loss on a regression set) into a
 * {@link ConfigException}, so that clients get a 400 error and not a server error.
 */
final class Trainers {

    private Trainers() {
    }

    static Trainer build(RunConfig config, Dataset dataset) {
        try {
            return new Trainer(config, dataset);
        } catch (IllegalArgumentException e) {
            throw rejected(e, dataset);
        }
    }

    static Trainer restore(RunConfig config, Dataset dataset, TrainerState state) {
        try {
            return Trainer.restore(config, dataset, state);
        } catch (IllegalArgumentException e) {
            throw rejected(e, dataset);
        }
    }

    private static ConfigException rejected(IllegalArgumentException e, Dataset dataset) {
        return new ConfigException(new FieldError("configuration", "rejected for dataset '" + dataset.name() + "'",
                e.getMessage()));
    }
}
