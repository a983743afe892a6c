package dev.layerscope.config;

import dev.layerscope.network.Activation;
import dev.layerscope.network.LayerSpec;
import dev.layerscope.network.Loss;
import dev.layerscope.network.WeightInit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunConfigJsonTest {

    private static Map<String, FieldError> errorsOf(String json) {
        ConfigException thrown = assertThrows(ConfigException.class, () -> RunConfig.fromJson(json));
        return thrown.errors().stream().collect(Collectors.toMap(FieldError::field, error -> error));
    }

    @Test
    void emptyObjectTakesDefaults() {
        RunConfig config = RunConfig.fromJson("{}");

        assertEquals(42, config.seed());
        assertEquals("spirals", config.data().dataset());
        assertEquals(4, config.network().hiddenLayers().size());
        assertEquals(new LayerSpec(32, Activation.RELU, false, 0.0), config.network().hiddenLayers().get(0));
        assertEquals(WeightInit.HE_NORMAL, config.network().init().kind());
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, config.network().loss());
        assertEquals(OptimizerKind.SGD, config.training().optimizer());
        assertEquals(0.1, config.training().learningRate(), 0.0);
        assertEquals(StatsConfig.DEFAULTS, config.stats());
    }

    @Test
    void shorthandExpandsToLayers() {
        RunConfig config = RunConfig.fromJson("""
                {"network": {"depth": 3, "width": 8, "activation": "leaky-relu", "batchNorm": true, "dropout": 0.25}}
                """);

        assertEquals(List.of(new LayerSpec(8, Activation.LEAKY_RELU, true, 0.25),
                new LayerSpec(8, Activation.LEAKY_RELU, true, 0.25),
                new LayerSpec(8, Activation.LEAKY_RELU, true, 0.25)), config.network().hiddenLayers());
    }

    @Test
    void perLayerEntriesInheritNetworkSettings() {
        RunConfig config = RunConfig.fromJson("""
                {"network": {"batchNorm": true, "dropout": 0.1,
                  "hiddenLayers": [{"width": 5, "activation": "tanh"}, {"width": 7, "activation": "gelu", "batchNorm": false}]}}
                """);

        assertEquals(List.of(new LayerSpec(5, Activation.TANH, true, 0.1), new LayerSpec(7, Activation.GELU, false, 0.1)),
                config.network().hiddenLayers());
    }

    @Test
    void everyInvalidFieldIsReported() {
        Map<String, FieldError> errors = errorsOf("""
                {"seed": 1.5,
                 "data": {"dataset": "imagenet", "samples": 5, "noise": -1},
                 "network": {"depth": 0, "width": 2000, "activation": "relu6", "init": {"kind": "xavier", "gain": -1}},
                 "training": {"optimizer": "lbfgs", "learningRate": 0, "batchSize": "32", "schedule": {"kind": "linear"}},
                 "stats": {"histogramBins": 1}}
                """);

        assertEquals(List.of("data.dataset", "data.noise", "data.samples", "network.activation", "network.depth",
                "network.init.gain", "network.init.kind", "network.width", "seed", "stats.histogramBins",
                "training.batchSize", "training.learningRate", "training.optimizer", "training.schedule.kind"),
                errors.keySet().stream().sorted().toList());
        FieldError width = errors.get("network.width");
        assertEquals("2000", width.value());
        assertEquals("an integer from 1 to 1024", width.allowed());
        assertEquals("\"32\"", errors.get("training.batchSize").value());
        assertTrue(errors.get("network.activation").allowed().contains("leaky-relu"), errors.get("network.activation").allowed());
        assertEquals("a number above 0 up to 1000", errors.get("training.learningRate").allowed());
    }

    @Test
    void unknownFieldIsReportedWithKnownOnes() {
        Map<String, FieldError> errors = errorsOf("{\"training\": {\"learningrate\": 0.1}}");

        FieldError error = errors.get("training.learningrate");
        assertTrue(error.allowed().contains("learningRate"), error.allowed());
    }

    @Test
    void shorthandAndLayerListConflict() {
        Map<String, FieldError> errors = errorsOf("{\"network\": {\"depth\": 2, \"hiddenLayers\": [{\"width\": 3}]}}");

        assertTrue(errors.containsKey("network.hiddenLayers"), errors.toString());
    }

    @Test
    void invalidLayerEntryNamesIndex() {
        Map<String, FieldError> errors = errorsOf("""
                {"network": {"hiddenLayers": [{"width": 3}, {"width": 0, "dropout": 1.0}, 7]}}
                """);

        assertEquals(List.of("network.hiddenLayers[1].dropout", "network.hiddenLayers[1].width", "network.hiddenLayers[2]"),
                errors.keySet().stream().sorted().toList());
    }

    @Test
    void malformedJsonIsOneError() {
        Map<String, FieldError> errors = errorsOf("{\"seed\": ");

        assertEquals(1, errors.size());
        assertTrue(errors.containsKey("(document)"));
    }

    @Test
    void nonObjectDocumentIsRejected() {
        assertTrue(errorsOf("[1, 2]").containsKey("(document)"));
        assertTrue(errorsOf("").containsKey("(document)"));
    }

    @Test
    void duplicateKeyIsRejected() {
        assertTrue(errorsOf("{\"seed\": 1, \"seed\": 2}").containsKey("(document)"));
    }

    @Test
    void canonicalJsonRoundTrips() {
        RunConfig config = RunConfig.fromJson("""
                {"name": "mixed", "description": "layers differ", "seed": -9007199254740993,
                 "data": {"dataset": "spirals", "samples": 600, "noise": 0.07, "testFraction": 0.3, "arms": 3},
                 "network": {"hiddenLayers": [{"width": 5, "activation": "selu"}, {"width": 9, "activation": "swish", "dropout": 0.3}],
                  "leakySlope": 0.2, "init": {"kind": "uniform", "limit": 0.3, "gain": 1.3, "bias": 0.1}, "loss": "mse"},
                 "training": {"optimizer": "rmsprop", "learningRate": 0.003, "rho": 0.95, "clipNorm": 2.5, "clipValue": 0.5,
                  "weightDecay": 0.0001, "schedule": {"kind": "cosine", "minLearningRate": 0.0001}},
                 "stats": {"evalSamples": 100, "histogramBins": 12, "everySteps": 7, "unitSample": 8}}
                """);

        RunConfig reread = RunConfig.fromJson(config.toJson());

        assertEquals(config, reread);
        assertEquals(config.toJson(), reread.toJson());
        assertTrue(config.toJson().contains("\"hiddenLayers\""));
    }

    @Test
    void uniformLayersUseShorthand() {
        RunConfig config = RunConfig.fromJson("{\"network\": {\"depth\": 6, \"width\": 12, \"activation\": \"tanh\"}}");

        String json = config.toJson();

        assertTrue(json.contains("\"depth\" : 6"), json);
        assertFalse(json.contains("hiddenLayers"), json);
        assertEquals(config, RunConfig.fromJson(json));
    }

    @Test
    void withMethodsValidate() {
        RunConfig config = RunConfig.fromJson("{}");

        assertEquals(7, config.withEpochs(7).training().epochs());
        assertEquals(0.5, config.withLearningRate(0.5).training().learningRate(), 0.0);
        assertEquals(99, config.withSeed(99).seed());
        ConfigException thrown = assertThrows(ConfigException.class, () -> config.withEpochs(0));
        assertEquals("training.epochs", thrown.errors().get(0).field());
    }

    @Test
    void namesAreKebabCase() {
        assertEquals("softmax-cross-entropy", Names.of(Loss.SOFTMAX_CROSS_ENTROPY));
        assertEquals("glorot-uniform", Names.of(WeightInit.GLOROT_UNIFORM));
        assertEquals(Activation.LEAKY_RELU, Names.parse(Activation.class, "leaky-relu"));
    }
}
