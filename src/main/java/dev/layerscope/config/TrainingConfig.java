package dev.layerscope.config;

/**
 * How to train. Optimizer fields that the chosen optimizer does not use are kept but ignored.
 *
 * @param momentum    momentum coefficient of {@code momentum} and {@code nesterov}
 * @param beta1       Adam's decay of the first-moment average
 * @param beta2       Adam's decay of the second-moment average
 * @param rho         RMSProp's decay of the squared-gradient average
 * @param epsilon     added to denominators by AdaGrad, RMSProp and Adam
 * @param weightDecay L2 coefficient lambda: lambda * W is added to every weight gradient
 * @param clipNorm    rescale all gradients together when their global L2 norm exceeds this; 0 = off
 * @param clipValue   clip every gradient component to [-clipValue, clipValue]; 0 = off
 */
public record TrainingConfig(OptimizerKind optimizer, double learningRate, double momentum, double beta1,
                             double beta2, double rho, double epsilon, int batchSize, int epochs,
                             double weightDecay, double clipNorm, double clipValue, ScheduleConfig schedule) {

    public TrainingConfig {
        if (optimizer == null || schedule == null) {
            throw new IllegalArgumentException("optimizer and schedule are required");
        }
        Limits.LEARNING_RATE.require(learningRate, false);
        Limits.MOMENTUM.require(momentum, false);
        Limits.BETA1.require(beta1, false);
        Limits.BETA2.require(beta2, false);
        Limits.RHO.require(rho, false);
        Limits.EPSILON.require(epsilon, false);
        Limits.BATCH_SIZE.require(batchSize, true);
        Limits.EPOCHS.require(epochs, true);
        Limits.WEIGHT_DECAY.require(weightDecay, false);
        Limits.CLIP_NORM.require(clipNorm, false);
        Limits.CLIP_VALUE.require(clipValue, false);
    }

    public TrainingConfig withLearningRate(double newLearningRate) {
        return new TrainingConfig(optimizer, newLearningRate, momentum, beta1, beta2, rho, epsilon, batchSize,
                epochs, weightDecay, clipNorm, clipValue, schedule);
    }

    public TrainingConfig withEpochs(int newEpochs) {
        return new TrainingConfig(optimizer, learningRate, momentum, beta1, beta2, rho, epsilon, batchSize,
                newEpochs, weightDecay, clipNorm, clipValue, schedule);
    }
}
