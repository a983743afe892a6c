package dev.layerscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * The real datasets shipped in the jar under {@code /datasets/} (see the NOTICE file there for
 * sources and licences), and the full MNIST and Fashion-MNIST files read from a folder.
 *
 * <p>Loaded datasets are cached for the life of the process and shared by every caller, so their
 * arrays must never be written. The image sets take about 31 MB each as doubles; the full 60,000
 * images take about 376 MB.
 */
public final class BundledDatasets {

    private static final String RESOURCE_ROOT = "/datasets/";
    private static final Map<String, Dataset> IDX_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, CsvTable> TABLE_CACHE = new ConcurrentHashMap<>();

    private BundledDatasets() {
    }

    /** Returns the names of the bundled datasets, image sets first. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(BundledCatalog.IDX_SETS.keySet());
        names.addAll(BundledCatalog.TABLES.keySet());
        return names;
    }

    public static boolean contains(String name) {
        return BundledCatalog.IDX_SETS.containsKey(name) || BundledCatalog.TABLES.containsKey(name);
    }

    /** Returns whether {@code name} may be read in full from a folder of MNIST-style IDX files. */
    public static boolean supportsDirectory(String name) {
        BundledCatalog.IdxSet set = BundledCatalog.IDX_SETS.get(name);
        return set != null && set.fullSetInFolder();
    }

    /**
     * Loads a bundled dataset. Image and letter sets have a fixed split and ignore
     * {@code testFraction} and {@code seed}; the tables (iris, wine, breast cancer) are split by them.
     *
     * @throws IllegalArgumentException when {@code name} is not a bundled dataset
     */
    public static Dataset load(String name, Scaling scaling, double testFraction, long seed) {
        BundledCatalog.IdxSet set = BundledCatalog.IDX_SETS.get(name);
        if (set != null) {
            return IDX_CACHE.computeIfAbsent(name + "/" + scaling.jsonName(),
                    key -> readIdxSet(set, resourceOpener(name), set.description(), scaling));
        }
        BundledCatalog.Table table = BundledCatalog.TABLES.get(name);
        if (table == null) {
            throw new IllegalArgumentException("unknown dataset \"" + name + "\"; bundled: " + names());
        }
        CsvTable parsed = TABLE_CACHE.computeIfAbsent(name, key -> readTable(key));
        DatasetDescription description = new DatasetDescription(name, table.title(), table.source(),
                table.licence(), parsed.classNames(), new int[0]);
        return CsvDatasets.fromTable(description, parsed, scaling, testFraction, seed);
    }

    /**
     * Loads the complete MNIST or Fashion-MNIST from {@code directory}, which must contain
     * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}
     * and {@code t10k-labels-idx1-ubyte}, each plain or with {@code .gz} appended. The result is cached
     * per folder and scaling.
     *
     * @throws IllegalArgumentException when {@code name} cannot be read from a folder
     * @throws UncheckedIOException     when a file is missing or invalid; the message names it
     */
    public static Dataset loadDirectory(String name, Path directory, Scaling scaling) {
        if (!supportsDirectory(name)) {
            throw new IllegalArgumentException("dataset \"" + name + "\" cannot be read from a folder; allowed: mnist, fashion-mnist");
        }
        Path absolute = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new UncheckedIOException(new IOException("dataset folder " + absolute + " does not exist"));
        }
        BundledCatalog.IdxSet set = BundledCatalog.IDX_SETS.get(name);
        DatasetDescription description = set.fullDescription(absolute);
        return IDX_CACHE.computeIfAbsent(name + "@" + absolute + "/" + scaling.jsonName(),
                key -> readIdxSet(set, directoryOpener(absolute), description, scaling));
    }

    /** Describes a bundled dataset; image sets are described from their file headers without loading them. */
    public static DatasetInfo info(String name) {
        BundledCatalog.IdxSet set = BundledCatalog.IDX_SETS.get(name);
        if (set == null) {
            BundledCatalog.Table table = BundledCatalog.TABLES.get(name);
            return DatasetInfo.of(load(name, Scaling.NONE, BundledCatalog.TABLE_TEST_FRACTION, 0), table.title());
        }
        return describeIdx(set, resourceOpener(name), set.description());
    }

    /** Describes the complete set in {@code directory} from its file headers, without loading it. */
    public static DatasetInfo directoryInfo(String name, Path directory) {
        BundledCatalog.IdxSet set = BundledCatalog.IDX_SETS.get(name);
        Path absolute = directory.toAbsolutePath().normalize();
        return describeIdx(set, directoryOpener(absolute), set.fullDescription(absolute));
    }

    private static DatasetInfo describeIdx(BundledCatalog.IdxSet set, IdxSplits.FileOpener opener,
                                           DatasetDescription description) {
        try {
            int[] train = IdxSplits.readSampleDimensions(opener, "train", set.sampleStem());
            int[] test = IdxSplits.readSampleDimensions(opener, "t10k", set.sampleStem());
            int features = train.length == 2 ? train[1] : train[1] * train[2];
            return new DatasetInfo(description.name(), description.title(), description.source(),
                    description.licence(), train[0], test[0], features, description.classNames(),
                    description.imageShape());
        } catch (IOException e) {
            throw new UncheckedIOException(opener.location() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Dataset readIdxSet(BundledCatalog.IdxSet set, IdxSplits.FileOpener opener,
                                      DatasetDescription description, Scaling scaling) {
        try {
            int classCount = description.classNames().size();
            LabelledSamples train = IdxSplits.read(opener, "train", set.sampleStem(), classCount);
            LabelledSamples test = IdxSplits.read(opener, "t10k", set.sampleStem(), classCount);
            return LabelledSamples.toDataset(description, train, test, scaling, set.formatMaximum());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    private static CsvTable readTable(String name) {
        String resource = RESOURCE_ROOT + name + ".csv.gz";
        try (InputStream in = BundledDatasets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("resource " + resource + " is missing from the jar");
            }
            byte[] bytes = new GZIPInputStream(in).readAllBytes();
            return CsvParser.parse(bytes, CsvOptions.DEFAULT, CsvLimits.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled dataset " + name + " cannot be read", e);
        }
    }

    private static IdxSplits.FileOpener resourceOpener(String name) {
        return new IdxSplits.FileOpener() {
            @Override
            public InputStream open(String fileName) {
                return BundledDatasets.class.getResourceAsStream(RESOURCE_ROOT + name + "/" + fileName);
            }

            @Override
            public String location() {
                return "bundled dataset " + name;
            }
        };
    }

    private static IdxSplits.FileOpener directoryOpener(Path directory) {
        return new IdxSplits.FileOpener() {
            @Override
            public InputStream open(String fileName) throws IOException {
                Path file = directory.resolve(fileName);
                return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
            }

            @Override
            public String location() {
                return directory.toString();
            }
        };
    }
}
