package dev.layerscope.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bundled configurations, one per step of the lecture. They are JSON files in the repository's
 * {@code presets/} folder, shipped in the jar under {@code /presets/}.
 */
public final class Presets {

    /** Preset names in lecture order; each has a file {@code presets/NAME.json}. */
    private static final List<String> NAMES = List.of(
            "deep-sigmoid-normal",
            "deep-sigmoid-xavier",
            "deep-tanh-xavier",
            "tanh-small-init",
            "relu-he",
            "dying-relu",
            "exploding-init",
            "selu-lecun",
            "batchnorm-sigmoid",
            "deep-relu-letters");

    private Presets() {
    }

    public static List<String> names() {
        return NAMES;
    }

    /**
     * Reads the preset called {@code name}.
     *
     * @throws IllegalArgumentException when there is no such preset
     * @throws ConfigException when the preset file is invalid (a packaging error)
     */
    public static RunConfig load(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown preset '" + name + "'; known presets: " + String.join(", ", NAMES));
        }
        return RunConfig.fromJson(read(name));
    }

    /** Returns the preset's JSON text as shipped. */
    public static String read(String name) {
        String resource = "/presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("preset resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read preset resource " + resource, e);
        }
    }
}
