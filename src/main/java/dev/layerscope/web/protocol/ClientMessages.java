package dev.layerscope.web.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Parses the JSON text of a client message into a {@link ClientMessage}. */
public final class ClientMessages {

    /** Every {@code type} a client may send, in the order of {@code docs/protocol.md}. */
    public static final List<String> TYPES = List.of("hello", "start", "pause", "stepEpoch", "stepBatch", "reset",
            "setLearningRate", "setSpeed", "applyConfig", "ping");

    private static final int MAX_ECHOED_CHARS = 80;

    private ClientMessages() {
    }

    /** Parses {@code text}; throws {@link ProtocolException} naming the field when it is not a valid message. */
    public static ClientMessage parse(String text) {
        JsonNode root = readObject(text);
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual()) {
            throw new ProtocolException(ErrorCode.MALFORMED, "the message has no text field 'type'", "type",
                    echo(type), String.join(", ", TYPES));
        }
        return switch (type.asText()) {
            case "hello" -> new ClientMessage.Hello(protocolVersion(root), ownerKey(root));
            case "ping" -> new ClientMessage.Ping();
            case "start" -> new ClientMessage.Start();
            case "pause" -> new ClientMessage.Pause();
            case "stepEpoch" -> new ClientMessage.StepEpoch();
            case "stepBatch" -> new ClientMessage.StepBatch();
            case "reset" -> new ClientMessage.Reset();
            case "setLearningRate" -> new ClientMessage.SetLearningRate(number(root, "learningRate", "a finite number > 0"));
            case "setSpeed" -> new ClientMessage.SetSpeed(number(root, "epochsPerSecond", "a number >= 0 (0 for no cap)"));
            case "applyConfig" -> new ClientMessage.ApplyConfig(config(root));
            default -> throw new ProtocolException(ErrorCode.UNKNOWN_TYPE,
                    "unknown message type '" + echo(type) + "'", "type", echo(type), String.join(", ", TYPES));
        };
    }

    private static JsonNode readObject(String text) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ProtocolException(ErrorCode.MALFORMED, "the message is not valid JSON: "
                    + e.getOriginalMessage(), "message", echo(text), "a JSON object with a 'type' field");
        }
        if (root == null || !root.isObject()) {
            throw new ProtocolException(ErrorCode.MALFORMED, "the message is not a JSON object", "message",
                    echo(text), "a JSON object with a 'type' field");
        }
        return root;
    }

    private static int protocolVersion(JsonNode root) {
        JsonNode version = root.get("protocolVersion");
        if (version == null || version.isNull()) {
            return ProtocolVersion.CURRENT;
        }
        if (!version.isInt()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "protocolVersion must be an integer",
                    "protocolVersion", echo(version), Integer.toString(ProtocolVersion.CURRENT));
        }
        return version.asInt();
    }

    private static String ownerKey(JsonNode root) {
        JsonNode key = root.get("ownerKey");
        if (key == null || key.isNull()) {
            return null;
        }
        if (!key.isTextual()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "ownerKey must be a string", "ownerKey",
                    "(not shown)", "the key from the owner link, or null");
        }
        return key.asText();
    }

    private static double number(JsonNode root, String field, String allowed) {
        JsonNode value = root.get(field);
        if (value == null || !value.isNumber()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "missing or non-numeric field '" + field + "'",
                    field, echo(value), allowed);
        }
        return value.asDouble();
    }

    private static String config(JsonNode root) {
        JsonNode config = root.get("config");
        if (config == null || !config.isObject()) {
            throw new ProtocolException(ErrorCode.INVALID_FIELD, "applyConfig needs a 'config' object", "config",
                    echo(config), "a configuration object (docs/configuration.md)");
        }
        return config.toString();
    }

    /** Returns the value as text, shortened so that an error frame never repeats a large input. */
    static String echo(Object value) {
        String text = value == null ? "null" : value instanceof JsonNode node && node.isTextual() ? node.asText()
                : String.valueOf(value);
        return text.length() <= MAX_ECHOED_CHARS ? text : text.substring(0, MAX_ECHOED_CHARS) + "...";
    }
}
