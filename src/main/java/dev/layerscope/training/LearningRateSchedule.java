package dev.layerscope.training;

import dev.layerscope.config.ScheduleConfig;

/**
 * The learning rate of a step as a function of the base learning rate and of training progress
 * p = steps done / steps per epoch, in epochs. Changing the base rate mid-run keeps the schedule.
 */
final class LearningRateSchedule {

    private final ScheduleConfig config;
    private final int epochs;

    LearningRateSchedule(ScheduleConfig config, int epochs) {
        this.config = config;
        this.epochs = epochs;
    }

    /**
     * Returns the rate for progress {@code p}: constant: base; step: base * gamma^floor(p / stepEpochs);
     * exponential: base * gamma^p; cosine: min + (base - min) * (1 + cos(pi * min(p, epochs) / epochs)) / 2.
     */
    double learningRate(double base, double progressEpochs) {
        return switch (config.kind()) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(config.gamma(), Math.floor(progressEpochs / config.stepEpochs()));
            case EXPONENTIAL -> base * Math.pow(config.gamma(), progressEpochs);
            case COSINE -> {
                double fraction = Math.min(progressEpochs, epochs) / epochs;
                double min = config.minLearningRate();
                yield min + (base - min) * (1 + Math.cos(Math.PI * fraction)) / 2;
            }
        };
    }
}
