package dev.layerscope.config;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/** Reads the {@code training} object of a configuration. */
final class TrainingReader {

    private static final String PATH = "training";

    private TrainingReader() {
    }

    static TrainingConfig read(JsonFields fields, ObjectNode node) {
        fields.rejectUnknownKeys(node, PATH, Set.of("optimizer", "learningRate", "momentum", "beta1", "beta2", "rho",
                "epsilon", "batchSize", "epochs", "weightDecay", "clipNorm", "clipValue", "schedule"));
        return new TrainingConfig(
                fields.choice(node, PATH, "optimizer", OptimizerKind.SGD, OptimizerKind.class),
                fields.number(node, PATH, "learningRate", 0.1, Limits.LEARNING_RATE),
                fields.number(node, PATH, "momentum", 0.9, Limits.MOMENTUM),
                fields.number(node, PATH, "beta1", 0.9, Limits.BETA1),
                fields.number(node, PATH, "beta2", 0.999, Limits.BETA2),
                fields.number(node, PATH, "rho", 0.9, Limits.RHO),
                fields.number(node, PATH, "epsilon", 1e-8, Limits.EPSILON),
                fields.integer(node, PATH, "batchSize", 32, Limits.BATCH_SIZE),
                fields.integer(node, PATH, "epochs", 20, Limits.EPOCHS),
                fields.number(node, PATH, "weightDecay", 0.0, Limits.WEIGHT_DECAY),
                fields.number(node, PATH, "clipNorm", 0.0, Limits.CLIP_NORM),
                fields.number(node, PATH, "clipValue", 0.0, Limits.CLIP_VALUE),
                readSchedule(fields, fields.object(node, PATH, "schedule")));
    }

    private static ScheduleConfig readSchedule(JsonFields fields, ObjectNode node) {
        String path = PATH + ".schedule";
        ScheduleConfig defaults = ScheduleConfig.CONSTANT;
        fields.rejectUnknownKeys(node, path, Set.of("kind", "stepEpochs", "gamma", "minLearningRate"));
        return new ScheduleConfig(
                fields.choice(node, path, "kind", ScheduleKind.CONSTANT, ScheduleKind.class),
                fields.integer(node, path, "stepEpochs", defaults.stepEpochs(), Limits.STEP_EPOCHS),
                fields.number(node, path, "gamma", defaults.gamma(), Limits.GAMMA),
                fields.number(node, path, "minLearningRate", defaults.minLearningRate(), Limits.MIN_LEARNING_RATE));
    }
}
