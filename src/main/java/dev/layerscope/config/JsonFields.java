package dev.layerscope.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed reads of JSON fields that never throw: a missing field yields the default, an invalid one is
 * recorded as a {@link FieldError} and also yields the default, so one pass collects every error and
 * the defaults keep later reads meaningful.
 */
final class JsonFields {

    private static final int MAX_VALUE_CHARS = 60;
    private static final int MAX_TEXT_CHARS = 500;

    private final List<FieldError> errors = new ArrayList<>();

    List<FieldError> errors() {
        return errors;
    }

    void reject(String path, JsonNode value, String allowed) {
        errors.add(new FieldError(path, show(value), allowed));
    }

    /** Returns the object at {@code key}, or an empty object when it is missing or not an object. */
    ObjectNode object(ObjectNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            reject(join(path, key), node, "a JSON object");
            return JsonNodeFactory.instance.objectNode();
        }
        return (ObjectNode) node;
    }

    /** Records every key of {@code node} that is not in {@code known}: usually a typo. */
    void rejectUnknownKeys(ObjectNode node, String path, Set<String> known) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!known.contains(key)) {
                reject(join(path, key), node.get(key), "no such field; known fields: " + String.join(", ", sorted(known)));
            }
        }
    }

    double number(ObjectNode parent, String path, String key, double fallback, Range range) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isNumber() || !range.contains(node.asDouble())) {
            reject(join(path, key), node, range.describe(false));
            return fallback;
        }
        return node.asDouble();
    }

    int integer(ObjectNode parent, String path, String key, int fallback, Range range) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!isIntegral(node) || !range.contains(node.asDouble())) {
            reject(join(path, key), node, range.describe(true));
            return fallback;
        }
        return (int) node.asDouble();
    }

    long longInteger(ObjectNode parent, String path, String key, long fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            reject(join(path, key), node, "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
            return fallback;
        }
        return node.asLong();
    }

    boolean bool(ObjectNode parent, String path, String key, boolean fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            reject(join(path, key), node, "true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    String text(ObjectNode parent, String path, String key, String fallback) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual() || node.asText().length() > MAX_TEXT_CHARS) {
            reject(join(path, key), node, "a string of at most " + MAX_TEXT_CHARS + " characters");
            return fallback;
        }
        return node.asText();
    }

    /** Reads a string that must be one of {@code allowed}. */
    String choice(ObjectNode parent, String path, String key, String fallback, List<String> allowed) {
        JsonNode node = parent.get(key);
        if (node == null) {
            return fallback;
        }
        if (!node.isTextual() || !allowed.contains(node.asText())) {
            reject(join(path, key), node, "one of " + String.join(", ", allowed));
            return fallback;
        }
        return node.asText();
    }

    <E extends Enum<E>> E choice(ObjectNode parent, String path, String key, E fallback, Class<E> type) {
        String name = choice(parent, path, key, Names.of(fallback), Names.all(type));
        return Names.parse(type, name);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static boolean isIntegral(JsonNode node) {
        return node.isIntegralNumber() || (node.isNumber() && node.asDouble() == Math.rint(node.asDouble()));
    }

    private static String show(JsonNode value) {
        String text = value == null ? "null" : value.toString();
        return text.length() <= MAX_VALUE_CHARS ? text : text.substring(0, MAX_VALUE_CHARS) + "...";
    }

    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return list;
    }
}
