package dev.layerscope.config;

/** Optimizers; the update rules are documented in docs/configuration.md. */
public enum OptimizerKind {
    SGD, MOMENTUM, NESTEROV, ADAGRAD, RMSPROP, ADAM
}
