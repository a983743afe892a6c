package dev.layerscope.training;

import dev.layerscope.config.ScheduleConfig;
import dev.layerscope.config.ScheduleKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LearningRateScheduleTest {

    private static final double TOLERANCE = 1e-15;

    @Test
    void constantKeepsBase() {
        LearningRateSchedule schedule = new LearningRateSchedule(ScheduleConfig.CONSTANT, 10);

        assertEquals(0.3, schedule.learningRate(0.3, 7.5), 0.0);
    }

    @Test
    void stepDropsEveryStepEpochs() {
        LearningRateSchedule schedule = new LearningRateSchedule(new ScheduleConfig(ScheduleKind.STEP, 3, 0.5, 0.0), 10);

        assertEquals(0.4, schedule.learningRate(0.4, 2.99), TOLERANCE);
        assertEquals(0.2, schedule.learningRate(0.4, 3.0), TOLERANCE);
        assertEquals(0.05, schedule.learningRate(0.4, 9.5), TOLERANCE);
    }

    @Test
    void exponentialDecaysContinuously() {
        LearningRateSchedule schedule = new LearningRateSchedule(new ScheduleConfig(ScheduleKind.EXPONENTIAL, 1, 0.81, 0.0), 10);

        // 0.81^0.5 = 0.9 and 0.81^2 = 0.6561.
        assertEquals(0.09, schedule.learningRate(0.1, 0.5), TOLERANCE);
        assertEquals(0.06561, schedule.learningRate(0.1, 2.0), TOLERANCE);
    }

    @Test
    void cosineFallsToMinimum() {
        LearningRateSchedule schedule = new LearningRateSchedule(new ScheduleConfig(ScheduleKind.COSINE, 1, 0.5, 0.01), 10);

        assertEquals(0.1, schedule.learningRate(0.1, 0.0), TOLERANCE);
        // Half way: 0.01 + 0.09 * (1 + cos(pi / 2)) / 2 = 0.055.
        assertEquals(0.055, schedule.learningRate(0.1, 5.0), TOLERANCE);
        assertEquals(0.01, schedule.learningRate(0.1, 10.0), TOLERANCE);
        assertEquals(0.01, schedule.learningRate(0.1, 12.0), TOLERANCE);
    }
}
