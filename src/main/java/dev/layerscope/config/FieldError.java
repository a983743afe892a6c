package dev.layerscope.config;

/**
 * One invalid setting: the field's path as it appears in the configuration JSON (for example
 * {@code training.batchSize} or {@code network.hiddenLayers[3].width}), the value given, and what is
 * allowed.
 */
public record FieldError(String field, String value, String allowed) {

    /** Formats the error as one line for a terminal or a log. */
    public String message() {
        return field + ": invalid value " + value + "; allowed: " + allowed;
    }
}
