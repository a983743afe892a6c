package dev.layerscope.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.layerscope.config.RunConfig;
import dev.layerscope.web.protocol.Json;

/** A configuration's canonical JSON as a tree, for embedding in frames and responses. */
final class ConfigJson {

    private ConfigJson() {
    }

    static JsonNode tree(RunConfig config) {
        try {
            return Json.MAPPER.readTree(config.toJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the canonical JSON of configuration '" + config.name() + "' does not parse", e);
        }
    }
}
