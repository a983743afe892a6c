package dev.layerscope.config;

import dev.layerscope.data.DataSpec;

/**
 * The whole configuration of one training run, immutable and valid by construction. Its JSON form is
 * documented in docs/configuration.md; {@link #toJson()} output reads back to an equal configuration.
 *
 * @param name        short identifier, for example the preset's name
 * @param description one sentence for the page
 * @param seed        seeds data generation, initialization, shuffling, dropout and the evaluation batch
 */
public record RunConfig(String name, String description, long seed, DataSpec data, NetworkConfig network,
                        TrainingConfig training, StatsConfig stats) {

    public RunConfig {
        if (name == null || description == null || data == null || network == null || training == null
                || stats == null) {
            throw new IllegalArgumentException("every part of a RunConfig is required");
        }
    }

    /**
     * Reads a configuration from JSON; missing fields take their defaults.
     *
     * @throws ConfigException listing every invalid, unknown or mistyped field
     */
    public static RunConfig fromJson(String json) {
        return new ConfigReader().read(json);
    }

    /** Writes the canonical JSON form: every field, shorthand hidden layers when all layers agree. */
    public String toJson() {
        return ConfigWriter.write(this);
    }

    public RunConfig withSeed(long newSeed) {
        return new RunConfig(name, description, newSeed, data, network, training, stats);
    }

    public RunConfig withEpochs(int epochs) {
        return new RunConfig(name, description, seed, data, network, training.withEpochs(epochs), stats);
    }

    public RunConfig withLearningRate(double learningRate) {
        return new RunConfig(name, description, seed, data, network, training.withLearningRate(learningRate), stats);
    }

    public RunConfig withData(DataSpec newData) {
        return new RunConfig(name, description, seed, newData, network, training, stats);
    }

    public RunConfig withNetwork(NetworkConfig newNetwork) {
        return new RunConfig(name, description, seed, data, newNetwork, training, stats);
    }

    public RunConfig withTraining(TrainingConfig newTraining) {
        return new RunConfig(name, description, seed, data, network, newTraining, stats);
    }

    public RunConfig withStats(StatsConfig newStats) {
        return new RunConfig(name, description, seed, data, network, training, newStats);
    }
}
