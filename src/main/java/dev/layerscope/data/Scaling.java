package dev.layerscope.data;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The rescaling of features before training; every kind is fitted on the training split only. */
public enum Scaling {
    /**
     * Maps features to [0, 1]. Image and other fixed-range sets divide by their format's maximum value
     * (255 for MNIST pixels), tables use each column's minimum and maximum in the training split, so
     * test values may fall slightly outside [0, 1].
     */
    UNIT_RANGE("unit-range"),
    /** Subtracts each feature's training mean and divides by its training standard deviation. */
    STANDARDIZE("standardize"),
    /** Keeps the values as stored. */
    NONE("none");

    private final String jsonName;

    Scaling(String jsonName) {
        this.jsonName = jsonName;
    }

    /** Returns the lowercase name used in configuration JSON, for example {@code "unit-range"}. */
    public String jsonName() {
        return jsonName;
    }

    /** Returns the scaling named {@code jsonName}, or throws naming the allowed names. */
    public static Scaling fromJsonName(String jsonName) {
        for (Scaling scaling : values()) {
            if (scaling.jsonName.equals(jsonName)) {
                return scaling;
            }
        }
        throw new IllegalArgumentException("unknown scaling \"" + jsonName + "\"; allowed: " + allowedNames());
    }

    /** Returns the JSON names separated by commas, for error messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Scaling::jsonName).collect(Collectors.joining(", "));
    }
}
