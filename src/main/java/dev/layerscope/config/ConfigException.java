package dev.layerscope.config;

import java.util.List;
import java.util.stream.Collectors;

/** Raised when a configuration has one or more invalid fields; carries every one of them. */
public final class ConfigException extends RuntimeException {

    private final List<FieldError> errors;

    public ConfigException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::message).collect(Collectors.joining("\n")));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one field error");
        }
        this.errors = List.copyOf(errors);
    }

    public ConfigException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
