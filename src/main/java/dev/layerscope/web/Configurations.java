package dev.layerscope.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.config.RunConfig;
import dev.layerscope.data.DataSpec;
import dev.layerscope.data.Datasets;
import dev.layerscope.session.UploadStore;
import dev.layerscope.web.protocol.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads configurations sent by clients. The engine accepts only registered dataset names, so an
 * uploaded dataset's name ({@code upload-...}) is swapped for a registered one while the engine
 * validates the rest, then put back; the session's registry then builds the dataset from the upload.
 */
final class Configurations {

    private Configurations() {
    }

    /** Parses a configuration; throws {@link ConfigException} listing every invalid field. */
    static RunConfig parse(String json) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            // The engine's reader reports the syntax error with its position.
            return RunConfig.fromJson(json);
        }
        FieldError directory = removeDirectory(root);
        if (directory == null) {
            return parseTree(root, json);
        }
        List<FieldError> errors = new ArrayList<>();
        try {
            parseTree(root, root.toString());
        } catch (ConfigException e) {
            errors.addAll(e.errors());
        }
        errors.add(directory);
        throw new ConfigException(errors);
    }

    /**
     * Removes a non-empty {@code data.directory} before the engine reads the configuration, because
     * the engine checks that the folder exists, which would tell a remote user what is on the
     * server's disk. Returns the error for it, or null when there is none.
     */
    private static FieldError removeDirectory(JsonNode root) {
        JsonNode data = root == null ? null : root.get("data");
        JsonNode directory = data == null || !data.isObject() ? null : data.get("directory");
        if (directory == null || (directory.isTextual() && directory.asText().isEmpty())) {
            return null;
        }
        ((ObjectNode) data).remove("directory");
        String value = directory.isTextual() ? directory.asText() : directory.toString();
        return new FieldError("data.directory", SessionRoutes.shorten(value),
                "empty on this server: its operator chooses dataset folders with LAYERSCOPE_DATASET_FOLDERS");
    }

    private static RunConfig parseTree(JsonNode root, String json) {
        JsonNode dataset = root == null ? null : root.path("data").path("dataset");
        if (dataset == null || !dataset.isTextual() || !UploadStore.isUpload(dataset.asText())) {
            return RunConfig.fromJson(json);
        }
        String uploadName = dataset.asText();
        ((ObjectNode) root.get("data")).put("dataset", Datasets.names().get(0));
        RunConfig config = RunConfig.fromJson(root.toString());
        DataSpec data = config.data();
        return config.withData(new DataSpec(uploadName, data.samples(), data.noise(), data.testFraction(), data.arms(),
                data.scaling(), data.directory()));
    }
}
