package dev.layerscope.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of datasets a configuration may name. Each entry maps a name to a {@link Source}; to
 * add a dataset, add one line to {@link #registry()}. Names appear in {@link #names()} in
 * registration order: the synthetic sets, the bundled real sets, then the complete sets of the
 * folders given to {@link #useFolders(DatasetFolders)}, such as {@code mnist-full}.
 */
public final class Datasets {

    /** Builds a dataset from its specification; the same spec and seed give the same samples. */
    @FunctionalInterface
    public interface Source {
        Dataset load(DataSpec spec, long seed);
    }

    private static final Map<String, Source> SOURCES = registry();
    private static volatile DatasetFolders folders = DatasetFolders.NONE;

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
        for (String name : BundledDatasets.names()) {
            sources.put(name, (spec, seed) -> loadBundled(name, spec, seed));
        }
        return Collections.unmodifiableMap(sources);
    }

    private static Dataset loadBundled(String name, DataSpec spec, long seed) {
        if (!spec.directory().isEmpty()) {
            return BundledDatasets.loadDirectory(name, Path.of(spec.directory()), spec.scaling());
        }
        return BundledDatasets.load(name, spec.scaling(), spec.testFraction(), seed);
    }

    /**
     * Adds the complete datasets of {@code configured} (for example {@code mnist-full}) to the
     * registry, replacing any folders given before. Called once at startup by the application.
     */
    public static void useFolders(DatasetFolders configured) {
        folders = configured;
    }

    /** Returns every registered dataset name. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(SOURCES.keySet());
        names.addAll(folders.fullDatasetNames());
        return List.copyOf(names);
    }

    public static boolean exists(String name) {
        return SOURCES.containsKey(name) || folders.folderOf(name).isPresent();
    }

    /** Describes a registered dataset for the page; synthetic sets are described at their default size. */
    public static DatasetInfo info(String name) {
        Optional<Path> folder = folders.folderOf(name);
        if (folder.isPresent()) {
            return BundledDatasets.directoryInfo(baseName(name), folder.get());
        }
        if (BundledDatasets.contains(name)) {
            return BundledDatasets.info(name);
        }
        return DatasetInfo.of(load(DataSpec.of(name), 0), name);
    }

    private static String baseName(String fullName) {
        return fullName.substring(0, fullName.length() - DatasetFolders.FULL_SUFFIX.length());
    }

    /**
     * Builds the dataset that {@code spec} names.
     *
     * @throws IllegalArgumentException when no dataset of that name is registered
     */
    public static Dataset load(DataSpec spec, long seed) {
        Optional<Path> folder = folders.folderOf(spec.dataset());
        if (folder.isPresent()) {
            return BundledDatasets.loadDirectory(baseName(spec.dataset()), folder.get(), spec.scaling());
        }
        Source source = SOURCES.get(spec.dataset());
        if (source == null) {
            throw new IllegalArgumentException("unknown dataset '" + spec.dataset() + "'; known: " + names());
        }
        return source.load(spec, seed);
    }
}
