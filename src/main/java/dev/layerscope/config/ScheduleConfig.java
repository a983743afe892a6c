package dev.layerscope.config;

/**
 * A learning-rate schedule.
 *
 * @param stepEpochs      epochs between two drops of the {@code step} schedule
 * @param gamma           factor per drop ({@code step}) or per epoch ({@code exponential})
 * @param minLearningRate the value the {@code cosine} schedule ends at
 */
public record ScheduleConfig(ScheduleKind kind, int stepEpochs, double gamma, double minLearningRate) {

    public static final ScheduleConfig CONSTANT = new ScheduleConfig(ScheduleKind.CONSTANT, 10, 0.5, 0.0);

    public ScheduleConfig {
        if (kind == null) {
            throw new IllegalArgumentException("schedule kind is required");
        }
        Limits.STEP_EPOCHS.require(stepEpochs, true);
        Limits.GAMMA.require(gamma, false);
        Limits.MIN_LEARNING_RATE.require(minLearningRate, false);
    }
}
