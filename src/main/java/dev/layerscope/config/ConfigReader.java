package dev.layerscope.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerscope.data.DataSpec;
import dev.layerscope.data.BundledDatasets;
import dev.layerscope.data.Datasets;
import dev.layerscope.data.Scaling;
import dev.layerscope.network.Activation;
import dev.layerscope.network.InitSpec;
import dev.layerscope.network.LayerSpec;
import dev.layerscope.network.Loss;
import dev.layerscope.network.WeightInit;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads a {@link RunConfig} from JSON, collecting every invalid field before failing. */
final class ConfigReader {

    static final long DEFAULT_SEED = 42;
    static final int DEFAULT_DEPTH = 4;
    static final int DEFAULT_WIDTH = 32;
    static final Activation DEFAULT_ACTIVATION = Activation.RELU;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonFields fields = new JsonFields();

    RunConfig read(String json) {
        ObjectNode root = parse(json);
        fields.rejectUnknownKeys(root, "", Set.of("name", "description", "seed", "data", "network", "training", "stats"));
        String name = fields.text(root, "", "name", "custom");
        String description = fields.text(root, "", "description", "");
        long seed = fields.longInteger(root, "", "seed", DEFAULT_SEED);
        DataSpec data = readData(fields.object(root, "", "data"));
        NetworkConfig network = readNetwork(fields.object(root, "", "network"));
        TrainingConfig training = TrainingReader.read(fields, fields.object(root, "", "training"));
        StatsConfig stats = readStats(fields.object(root, "", "stats"));
        if (!fields.errors().isEmpty()) {
            throw new ConfigException(fields.errors());
        }
        return new RunConfig(name, description, seed, data, network, training, stats);
    }

    private static ObjectNode parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw new ConfigException(new FieldError("(document)", "malformed JSON" + where,
                    "a JSON object (" + e.getOriginalMessage() + ")"));
        }
        if (root == null || !root.isObject()) {
            boolean empty = root == null || root.isMissingNode();
            throw new ConfigException(new FieldError("(document)", empty ? "empty" : root.getNodeType().toString(),
                    "a JSON object"));
        }
        return (ObjectNode) root;
    }

    private DataSpec readData(ObjectNode node) {
        fields.rejectUnknownKeys(node, "data", Set.of("dataset", "samples", "noise", "testFraction", "arms", "scaling",
                "directory"));
        String dataset = fields.choice(node, "data", "dataset", "spirals", Datasets.names());
        int samples = fields.integer(node, "data", "samples", DataSpec.DEFAULT_SAMPLES, Limits.SAMPLES);
        double noise = fields.number(node, "data", "noise", DataSpec.DEFAULT_NOISE, Limits.NOISE);
        double testFraction = fields.number(node, "data", "testFraction", DataSpec.DEFAULT_TEST_FRACTION, Limits.TEST_FRACTION);
        int arms = fields.integer(node, "data", "arms", DataSpec.DEFAULT_ARMS, Limits.ARMS);
        Scaling scaling = fields.choice(node, "data", "scaling", Scaling.UNIT_RANGE, Scaling.class);
        String directory = readDirectory(node, dataset);
        return new DataSpec(dataset, samples, noise, testFraction, arms, scaling, directory);
    }

    /** Reads {@code data.directory}: empty, or an existing folder for a dataset that can be read from one. */
    private String readDirectory(ObjectNode node, String dataset) {
        String directory = fields.text(node, "data", "directory", "");
        if (directory.isEmpty()) {
            return directory;
        }
        if (!BundledDatasets.supportsDirectory(dataset)) {
            fields.reject("data.directory", node.get("directory"),
                    "empty unless data.dataset is mnist or fashion-mnist");
            return "";
        }
        if (!isFolder(directory)) {
            fields.reject("data.directory", node.get("directory"),
                    "an existing folder with train-images-idx3-ubyte, train-labels-idx1-ubyte,"
                            + " t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each may end in .gz)");
            return "";
        }
        return directory;
    }

    private static boolean isFolder(String directory) {
        try {
            return Files.isDirectory(Path.of(directory));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private NetworkConfig readNetwork(ObjectNode node) {
        fields.rejectUnknownKeys(node, "network", Set.of("depth", "width", "activation", "hiddenLayers", "leakySlope",
                "batchNorm", "dropout", "init", "loss"));
        double leakySlope = fields.number(node, "network", "leakySlope", 0.01, Limits.LEAKY_SLOPE);
        boolean batchNorm = fields.bool(node, "network", "batchNorm", false);
        double dropout = fields.number(node, "network", "dropout", 0.0, Limits.DROPOUT);
        boolean shorthand = node.has("depth") || node.has("width") || node.has("activation");
        List<LayerSpec> layers;
        if (node.has("hiddenLayers") && shorthand) {
            fields.reject("network.hiddenLayers", node.get("hiddenLayers"),
                    "either hiddenLayers or depth, width and activation, not both");
            layers = List.of(new LayerSpec(DEFAULT_WIDTH, DEFAULT_ACTIVATION, batchNorm, dropout));
        } else if (node.has("hiddenLayers")) {
            layers = readHiddenLayers(node.get("hiddenLayers"), batchNorm, dropout);
        } else {
            int depth = fields.integer(node, "network", "depth", DEFAULT_DEPTH, Limits.DEPTH);
            int width = fields.integer(node, "network", "width", DEFAULT_WIDTH, Limits.WIDTH);
            Activation activation = fields.choice(node, "network", "activation", DEFAULT_ACTIVATION, Activation.class);
            layers = new ArrayList<>();
            for (int i = 0; i < depth; i++) {
                layers.add(new LayerSpec(width, activation, batchNorm, dropout));
            }
        }
        InitSpec init = readInit(fields.object(node, "network", "init"));
        Loss loss = fields.choice(node, "network", "loss", Loss.SOFTMAX_CROSS_ENTROPY, Loss.class);
        return new NetworkConfig(layers, leakySlope, init, loss);
    }

    private List<LayerSpec> readHiddenLayers(JsonNode value, boolean batchNorm, double dropout) {
        List<LayerSpec> layers = new ArrayList<>();
        if (!value.isArray() || !Limits.DEPTH.contains(value.size())) {
            fields.reject("network.hiddenLayers", value, "an array of 1 to 64 layer objects");
            layers.add(new LayerSpec(DEFAULT_WIDTH, DEFAULT_ACTIVATION, batchNorm, dropout));
            return layers;
        }
        ArrayNode array = (ArrayNode) value;
        for (int i = 0; i < array.size(); i++) {
            String path = "network.hiddenLayers[" + i + "]";
            if (!array.get(i).isObject()) {
                fields.reject(path, array.get(i), "a JSON object with width, activation, batchNorm, dropout");
                continue;
            }
            ObjectNode layer = (ObjectNode) array.get(i);
            fields.rejectUnknownKeys(layer, path, Set.of("width", "activation", "batchNorm", "dropout"));
            int width = fields.integer(layer, path, "width", DEFAULT_WIDTH, Limits.WIDTH);
            Activation activation = fields.choice(layer, path, "activation", DEFAULT_ACTIVATION, Activation.class);
            boolean layerBatchNorm = fields.bool(layer, path, "batchNorm", batchNorm);
            double layerDropout = fields.number(layer, path, "dropout", dropout, Limits.DROPOUT);
            layers.add(new LayerSpec(width, activation, layerBatchNorm, layerDropout));
        }
        if (layers.isEmpty()) {
            layers.add(new LayerSpec(DEFAULT_WIDTH, DEFAULT_ACTIVATION, batchNorm, dropout));
        }
        return layers;
    }

    private InitSpec readInit(ObjectNode node) {
        String path = "network.init";
        fields.rejectUnknownKeys(node, path, Set.of("kind", "sigma", "limit", "gain", "bias"));
        WeightInit kind = fields.choice(node, path, "kind", WeightInit.HE_NORMAL, WeightInit.class);
        double sigma = fields.number(node, path, "sigma", 1.0, Limits.SIGMA);
        double limit = fields.number(node, path, "limit", 1.0, Limits.LIMIT);
        double gain = fields.number(node, path, "gain", 1.0, Limits.GAIN);
        double bias = fields.number(node, path, "bias", 0.0, Limits.BIAS);
        return new InitSpec(kind, sigma, limit, gain, bias);
    }

    private StatsConfig readStats(ObjectNode node) {
        StatsConfig defaults = StatsConfig.DEFAULTS;
        fields.rejectUnknownKeys(node, "stats", Set.of("evalSamples", "histogramBins", "everySteps", "unitSample"));
        return new StatsConfig(
                fields.integer(node, "stats", "evalSamples", defaults.evalSamples(), Limits.EVAL_SAMPLES),
                fields.integer(node, "stats", "histogramBins", defaults.histogramBins(), Limits.HISTOGRAM_BINS),
                fields.integer(node, "stats", "everySteps", defaults.everySteps(), Limits.EVERY_STEPS),
                fields.integer(node, "stats", "unitSample", defaults.unitSample(), Limits.UNIT_SAMPLE));
    }
}
