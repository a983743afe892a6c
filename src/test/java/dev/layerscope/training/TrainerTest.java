package dev.layerscope.training;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.Dataset;
import dev.layerscope.data.Datasets;
import dev.layerscope.data.Split;
import dev.layerscope.stats.EpochStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    private static final double ROUNDING_TOLERANCE = 1e-12;

    /** Dropout, batch normalization and Adam together use every random stream and every kind of state. */
    private static final String EVERY_FEATURE = """
            {"seed": 3, "data": {"dataset": "moons", "samples": 300},
             "network": {"depth": 3, "width": 16, "activation": "tanh", "batchNorm": true, "dropout": 0.2},
             "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 25, "epochs": 4},
             "stats": {"evalSamples": 64}}
            """;

    private static Trainer trainer(String json) {
        RunConfig config = RunConfig.fromJson(json);
        Dataset dataset = Datasets.load(config.data(), config.seed());
        return new Trainer(config, dataset);
    }

    private static List<EpochStats> runToEnd(Trainer trainer) {
        List<EpochStats> all = new ArrayList<>();
        while (!trainer.finished()) {
            all.add(withoutSpeed(trainer.trainEpoch()));
        }
        return all;
    }

    /** Returns the stats with the measured throughput zeroed, the only field that may differ between equal runs. */
    private static EpochStats withoutSpeed(EpochStats stats) {
        return new EpochStats(stats.epoch(), stats.step(), stats.trainLoss(), stats.trainAccuracy(), stats.testLoss(),
                stats.testAccuracy(), stats.learningRate(), 0.0, stats.layers());
    }

    private static EpochStats train(String json) {
        Trainer trainer = trainer(json);
        List<EpochStats> all = runToEnd(trainer);
        return all.get(all.size() - 1);
    }

    @Test
    void xorReachesHighAccuracy() {
        EpochStats last = train("""
                {"seed": 7, "data": {"dataset": "xor", "samples": 1000, "noise": 0.05},
                 "network": {"depth": 2, "width": 16, "activation": "tanh", "init": {"kind": "glorot-normal"}},
                 "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 32, "epochs": 30}}
                """);

        assertTrue(last.testAccuracy() >= 0.95, "test accuracy " + last.testAccuracy());
    }

    @Test
    void twoArmSpiralsReachHighAccuracy() {
        EpochStats last = train("""
                {"seed": 7, "data": {"dataset": "spirals", "samples": 1000, "noise": 0.05, "arms": 2},
                 "network": {"depth": 3, "width": 32, "activation": "relu", "init": {"kind": "he-normal"}},
                 "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 32, "epochs": 80}}
                """);

        assertTrue(last.testAccuracy() >= 0.95, "test accuracy " + last.testAccuracy());
    }

    @Test
    void seededRunsAreBitIdentical() {
        List<EpochStats> first = runToEnd(trainer(EVERY_FEATURE));
        List<EpochStats> second = runToEnd(trainer(EVERY_FEATURE));

        assertEquals(4, first.size());
        assertEquals(first, second);
    }

    @Test
    void otherSeedGivesOtherRun() {
        List<EpochStats> first = runToEnd(trainer(EVERY_FEATURE));
        List<EpochStats> second = runToEnd(trainer(EVERY_FEATURE.replace("\"seed\": 3", "\"seed\": 4")));

        assertNotEquals(first.get(0).trainLoss(), second.get(0).trainLoss());
    }

    /**
     * Compares plain SGD stepped inside back-propagation with the separate update. Width 16 and 256 with
     * 25 rows reach different OpenBLAS kernels; batch normalization and dropout cover layers whose other
     * parameters the optimizer updates. Inside the product OpenBLAS may compute W + (-lr)·(dZᵀX) with a
     * fused multiply-add, one rounding where the separate update has two, so the runs agree to rounding
     * rather than bit for bit: after 36 steps no weight, loss or update ratio differs by more than
     * {@link #ROUNDING_TOLERANCE}.
     */
    @ParameterizedTest
    @CsvSource({"16, true", "16, false", "256, false"})
    void sgdInBackwardMatchesSeparateUpdate(int width, boolean batchNorm) {
        String json = """
                {"seed": 5, "data": {"dataset": "moons", "samples": 300},
                 "network": {"depth": 3, "width": %d, "activation": "relu", "batchNorm": %b, "dropout": 0.1},
                 "training": {"optimizer": "sgd", "learningRate": 0.05, "batchSize": 25, "epochs": 3, "clipNorm": %s},
                 "stats": {"evalSamples": 64, "everySteps": 5}}
                """;
        // Gradient norms of this network stay far below 1e6, so clipping changes nothing, but any clipping
        // makes the trainer update after back-propagation instead of during it.
        Trainer during = trainer(json.formatted(width, batchNorm, "0"));
        Trainer after = trainer(json.formatted(width, batchNorm, "1e6"));

        List<EpochStats> duringStats = runToEnd(during);
        List<EpochStats> afterStats = runToEnd(after);

        assertEquals(afterStats.size(), duringStats.size());
        for (int epoch = 0; epoch < afterStats.size(); epoch++) {
            assertEquals(afterStats.get(epoch).trainLoss(), duringStats.get(epoch).trainLoss(), ROUNDING_TOLERANCE);
            for (int layer = 0; layer < afterStats.get(epoch).layers().size(); layer++) {
                assertEquals(afterStats.get(epoch).layers().get(layer).updateRatio(),
                        duringStats.get(epoch).layers().get(layer).updateRatio(), ROUNDING_TOLERANCE, "update ratio");
            }
        }
        double[][] expected = after.saveState().parameters();
        double[][] actual = during.saveState().parameters();
        for (int p = 0; p < expected.length; p++) {
            assertArrayEquals(expected[p], actual[p], ROUNDING_TOLERANCE, "parameter " + p);
        }
    }

    @Test
    void restoredTrainerContinuesBitIdentically() {
        Trainer uninterrupted = trainer(EVERY_FEATURE);
        List<EpochStats> expected = runToEnd(uninterrupted);
        Trainer original = trainer(EVERY_FEATURE);
        original.trainEpoch();
        for (int i = 0; i < 3; i++) {
            original.trainBatch();
        }

        TrainerState state = original.saveState();
        // Training the original further must not leak into the saved copy.
        original.trainBatch();
        Trainer restored = Trainer.restore(original.config(), Datasets.load(original.config().data(), 3), state);
        List<EpochStats> continued = runToEnd(restored);

        assertEquals(expected.subList(1, expected.size()), continued);
    }

    @Test
    void learningRateChangeAppliesFromNextStep() {
        Trainer trainer = trainer(EVERY_FEATURE.replace("\"stats\": {", "\"stats\": {\"everySteps\": 1, "));
        StepResult before = trainer.trainBatch();

        trainer.setLearningRate(0.002);
        StepResult after = trainer.trainBatch();

        assertEquals(0.01, before.stats().learningRate(), 0.0);
        assertEquals(0.002, after.stats().learningRate(), 0.0);
        assertEquals(2, after.step());
        assertEquals(0, after.epoch());
    }

    @Test
    void learningRateOutOfRangeIsRejected() {
        Trainer trainer = trainer(EVERY_FEATURE);

        ConfigException thrown = assertThrows(ConfigException.class, () -> trainer.setLearningRate(-1));

        assertEquals("training.learningRate", thrown.errors().get(0).field());
        assertEquals(0.01, trainer.learningRate(), 0.0);
    }

    @Test
    void regressionRunHasNoAccuracy() {
        // y = x1 - 2 x2 on a 5 x 5 grid, learned by a small tanh network with MSE.
        int samples = 25;
        double[] features = new double[samples * 2];
        double[] targets = new double[samples];
        for (int i = 0; i < samples; i++) {
            features[2 * i] = (i % 5) / 4.0 - 0.5;
            features[2 * i + 1] = (i / 5) / 4.0 - 0.5;
            targets[i] = features[2 * i] - 2 * features[2 * i + 1];
        }
        Split split = new Split(samples, 2, features, 1, targets, new int[0]);
        Dataset dataset = new Dataset("plane", "hand-made", "generated", List.of(), new int[0], split, split);
        RunConfig config = RunConfig.fromJson("""
                {"network": {"depth": 2, "width": 8, "activation": "tanh", "init": {"kind": "glorot-normal"}, "loss": "mse"},
                 "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 5, "epochs": 200}}
                """);
        Trainer trainer = new Trainer(config, dataset);
        EpochStats initial = trainer.initialStats();

        List<EpochStats> all = runToEnd(trainer);

        EpochStats last = all.get(all.size() - 1);
        assertEquals(Double.NaN, last.testAccuracy());
        assertTrue(last.trainLoss() < initial.trainLoss() / 20, initial.trainLoss() + " -> " + last.trainLoss());
        assertEquals("linear", last.layers().get(2).activationName());
    }

    @Test
    void crossEntropyNeedsClasses() {
        Split split = new Split(2, 1, new double[] {0, 1}, 1, new double[] {0, 1}, new int[0]);
        Dataset dataset = new Dataset("line", "hand-made", "generated", List.of(), new int[0], split, split);

        ConfigException thrown = assertThrows(ConfigException.class, () -> new Trainer(RunConfig.fromJson("{}"), dataset));

        assertEquals("network.loss", thrown.errors().get(0).field());
    }

    @Test
    void statisticsEveryNSteps() {
        Trainer trainer = trainer(EVERY_FEATURE.replace("\"stats\": {", "\"stats\": {\"everySteps\": 5, "));
        // 240 training samples in batches of 25: 10 steps per epoch.
        List<Long> stepsWithStats = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            StepResult result = trainer.trainBatch();
            if (result.stats() != null) {
                stepsWithStats.add(result.step());
            }
        }

        assertEquals(List.of(5L, 10L), stepsWithStats);
    }

    @Test
    void epochEndsAfterLastBatch() {
        Trainer trainer = trainer(EVERY_FEATURE);
        StepResult result = null;
        for (int i = 0; i < 9; i++) {
            result = trainer.trainBatch();
            assertFalse(result.epochFinished(), "step " + result.step());
            assertNull(result.stats());
        }

        result = trainer.trainBatch();

        assertTrue(result.epochFinished());
        assertEquals(1, result.epoch());
        assertNotNull(result.stats());
        assertEquals(1, result.stats().epoch());
        assertEquals(10, result.stats().step());
    }

    @Test
    void finishedTrainerRejectsSteps() {
        Trainer trainer = trainer(EVERY_FEATURE);
        runToEnd(trainer);

        assertTrue(trainer.finished());
        assertThrows(IllegalStateException.class, trainer::trainBatch);
    }

    @Test
    void hugeLearningRateDivergesNamingLayer() {
        Trainer trainer = trainer("""
                {"seed": 1, "data": {"dataset": "spirals", "samples": 200},
                 "network": {"depth": 6, "width": 16, "activation": "leaky-relu", "init": {"kind": "he-normal"}},
                 "training": {"optimizer": "sgd", "learningRate": 1000, "batchSize": 20, "epochs": 50}}
                """);

        DivergedException thrown = assertThrows(DivergedException.class, () -> runToEnd(trainer));

        Divergence divergence = thrown.divergence();
        assertTrue(divergence.layerIndex() >= 0, "layer " + divergence.layerIndex());
        assertTrue(divergence.layerIndex() <= 6, "layer " + divergence.layerIndex());
        assertTrue(divergence.step() >= 1);
        assertFalse(divergence.quantity().isEmpty());
        assertTrue(divergence.advice().contains("learningRate"), divergence.advice());
        assertTrue(thrown.getMessage().contains("layer " + divergence.layerIndex()), thrown.getMessage());
        assertTrue(trainer.finished());
        assertTrue(trainer.diverged());
        assertThrows(IllegalStateException.class, trainer::trainBatch);
    }
}
