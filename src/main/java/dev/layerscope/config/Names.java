package dev.layerscope.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON names of enum constants: lowercase kebab case, {@code LEAKY_RELU} is {@code "leaky-relu"}. */
public final class Names {

    private Names() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Returns every JSON name of {@code type}, in declaration order. */
    public static <E extends Enum<E>> List<String> all(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(of(constant));
        }
        return names;
    }

    /** Returns the constant named {@code name}, or null when there is none. */
    public static <E extends Enum<E>> E parse(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(name)) {
                return constant;
            }
        }
        return null;
    }
}
