package dev.layerscope.config;

/** Learning-rate schedules; the formulas are documented in docs/configuration.md. */
public enum ScheduleKind {
    CONSTANT, STEP, EXPONENTIAL, COSINE
}
