package dev.layerscope.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folders holding the complete MNIST-style IDX files, chosen by the operator who starts Layerscope (never by a
 * remote user). Each configured folder adds a dataset named {@code <name>-full}, for example
 * {@code mnist-full}, with all 60,000 training images.
 *
 * <p>Text form, as in the environment variable {@value #ENVIRONMENT_VARIABLE}:
 * {@code mnist=/data/mnist,fashion-mnist=/usr/share/datasets/fashion-mnist}.
 */
public record DatasetFolders(Map<String, Path> folders) {

    /** Environment variable read by {@link #fromEnvironment(Map)}. */
    public static final String ENVIRONMENT_VARIABLE = "LAYERSCOPE_DATASET_FOLDERS";
    /** Suffix of the dataset names that the folders add. */
    public static final String FULL_SUFFIX = "-full";

    public static final DatasetFolders NONE = new DatasetFolders(Map.of());

    public DatasetFolders {
        folders = Map.copyOf(folders);
    }

    /**
     * Parses {@code name=folder} pairs separated by commas; an empty text gives no folders.
     *
     * @throws IllegalArgumentException naming the pair that is invalid, the dataset that cannot be
     *                                  read from a folder, or the folder that does not exist
     */
    public static DatasetFolders parse(String text, String origin) {
        Map<String, Path> folders = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException(origin + ": invalid entry \"" + pair.trim()
                        + "\"; expected name=folder, for example mnist=/data/mnist");
            }
            String name = pair.substring(0, equals).trim();
            Path folder = Path.of(pair.substring(equals + 1).trim()).toAbsolutePath().normalize();
            if (!BundledDatasets.supportsDirectory(name)) {
                throw new IllegalArgumentException(origin + ": dataset \"" + name
                        + "\" cannot be read from a folder; allowed: mnist, fashion-mnist");
            }
            if (!Files.isDirectory(folder)) {
                throw new IllegalArgumentException(origin + ": folder " + folder + " for " + name + " does not exist");
            }
            folders.put(name, folder);
        }
        return new DatasetFolders(folders);
    }

    /** Reads {@value #ENVIRONMENT_VARIABLE} from {@code environment}; unset gives no folders. */
    public static DatasetFolders fromEnvironment(Map<String, String> environment) {
        String text = environment.get(ENVIRONMENT_VARIABLE);
        return text == null ? NONE : parse(text, ENVIRONMENT_VARIABLE);
    }

    /** Returns the names of the datasets the folders add, for example {@code [mnist-full]}. */
    public List<String> fullDatasetNames() {
        List<String> names = new ArrayList<>();
        for (String name : BundledDatasets.names()) {
            if (folders.containsKey(name)) {
                names.add(name + FULL_SUFFIX);
            }
        }
        return names;
    }

    /** Returns the folder behind a full dataset name such as {@code mnist-full}, if one is configured. */
    public Optional<Path> folderOf(String fullName) {
        if (!fullName.endsWith(FULL_SUFFIX)) {
            return Optional.empty();
        }
        return Optional.ofNullable(folders.get(fullName.substring(0, fullName.length() - FULL_SUFFIX.length())));
    }
}
