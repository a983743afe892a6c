package dev.layerscope.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerscope.data.DataSpec;
import dev.layerscope.network.InitSpec;
import dev.layerscope.network.LayerSpec;

import java.io.UncheckedIOException;
import java.util.List;

/** Writes the canonical JSON form of a {@link RunConfig}. */
final class ConfigWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigWriter() {
    }

    static String write(RunConfig config) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", config.name());
        root.put("description", config.description());
        root.put("seed", config.seed());
        writeData(root.putObject("data"), config.data());
        writeNetwork(root.putObject("network"), config.network());
        writeTraining(root.putObject("training"), config.training());
        StatsConfig stats = config.stats();
        ObjectNode statsNode = root.putObject("stats");
        statsNode.put("evalSamples", stats.evalSamples());
        statsNode.put("histogramBins", stats.histogramBins());
        statsNode.put("everySteps", stats.everySteps());
        statsNode.put("unitSample", stats.unitSample());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("could not write a configuration tree", e);
        }
    }

    private static void writeData(ObjectNode node, DataSpec data) {
        node.put("dataset", data.dataset());
        node.put("samples", data.samples());
        node.put("noise", data.noise());
        node.put("testFraction", data.testFraction());
        node.put("arms", data.arms());
        node.put("scaling", Names.of(data.scaling()));
        if (!data.directory().isEmpty()) {
            node.put("directory", data.directory());
        }
    }

    private static void writeNetwork(ObjectNode node, NetworkConfig network) {
        List<LayerSpec> layers = network.hiddenLayers();
        LayerSpec first = layers.get(0);
        boolean uniform = layers.stream().allMatch(first::equals);
        if (uniform) {
            node.put("depth", layers.size());
            node.put("width", first.width());
            node.put("activation", Names.of(first.activation()));
            node.put("batchNorm", first.batchNorm());
            node.put("dropout", first.dropout());
        } else {
            ArrayNode array = node.putArray("hiddenLayers");
            for (LayerSpec layer : layers) {
                ObjectNode layerNode = array.addObject();
                layerNode.put("width", layer.width());
                layerNode.put("activation", Names.of(layer.activation()));
                layerNode.put("batchNorm", layer.batchNorm());
                layerNode.put("dropout", layer.dropout());
            }
        }
        node.put("leakySlope", network.leakySlope());
        InitSpec init = network.init();
        ObjectNode initNode = node.putObject("init");
        initNode.put("kind", Names.of(init.kind()));
        initNode.put("sigma", init.sigma());
        initNode.put("limit", init.limit());
        initNode.put("gain", init.gain());
        initNode.put("bias", init.bias());
        node.put("loss", Names.of(network.loss()));
    }

    private static void writeTraining(ObjectNode node, TrainingConfig training) {
        node.put("optimizer", Names.of(training.optimizer()));
        node.put("learningRate", training.learningRate());
        node.put("momentum", training.momentum());
        node.put("beta1", training.beta1());
        node.put("beta2", training.beta2());
        node.put("rho", training.rho());
        node.put("epsilon", training.epsilon());
        node.put("batchSize", training.batchSize());
        node.put("epochs", training.epochs());
        node.put("weightDecay", training.weightDecay());
        node.put("clipNorm", training.clipNorm());
        node.put("clipValue", training.clipValue());
        ScheduleConfig schedule = training.schedule();
        ObjectNode scheduleNode = node.putObject("schedule");
        scheduleNode.put("kind", Names.of(schedule.kind()));
        scheduleNode.put("stepEpochs", schedule.stepEpochs());
        scheduleNode.put("gamma", schedule.gamma());
        scheduleNode.put("minLearningRate", schedule.minLearningRate());
    }
}
