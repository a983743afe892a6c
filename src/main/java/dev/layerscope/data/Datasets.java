package dev.layerscope.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of datasets a configuration may name. Each entry maps a name to a {@link Source}; to
 * add a dataset, add one line to {@link #registry()}. Names appear in {@link #names()} in
 * registration order.
 */
public final class Datasets {

    /** Builds a dataset from its specification; the same spec and seed give the same samples. */
    @FunctionalInterface
    public interface Source {
        Dataset load(DataSpec spec, long seed);
    }

    private static final Map<String, Source> SOURCES = registry();

    private Datasets() {
    }

    private static Map<String, Source> registry() {
        Map<String, Source> sources = new LinkedHashMap<>();
        sources.put("spirals", SyntheticSets::spirals);
        sources.put("circles", SyntheticSets::circles);
        sources.put("xor", SyntheticSets::xor);
        sources.put("gaussians", SyntheticSets::gaussians);
        sources.put("moons", SyntheticSets::moons);
        sources.put("checkerboard", SyntheticSets::checkerboard);
        return Collections.unmodifiableMap(sources);
    }

    /** Returns every registered dataset name. */
    public static List<String> names() {
        return List.copyOf(SOURCES.keySet());
    }

    public static boolean exists(String name) {
        return SOURCES.containsKey(name);
    }

    /**
     * Builds the dataset that {@code spec} names.
     *
     * @throws IllegalArgumentException when no dataset of that name is registered
     */
    public static Dataset load(DataSpec spec, long seed) {
        Source source = SOURCES.get(spec.dataset());
        if (source == null) {
            throw new IllegalArgumentException("unknown dataset '" + spec.dataset() + "'; known: " + names());
        }
        return source.load(spec, seed);
    }
}
