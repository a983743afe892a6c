package dev.layerscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.layerscope.config.ConfigException;
import dev.layerscope.config.FieldError;
import dev.layerscope.config.RunConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealDatasetsRegistryTest {

    @TempDir
    Path folder;

    @AfterEach
    void forgetFolders() {
        Datasets.useFolders(DatasetFolders.NONE);
    }

    private static List<FieldError> errorsOf(String json) {
        return assertThrows(ConfigException.class, () -> RunConfig.fromJson(json)).errors();
    }

    @Test
    void registryListsBundledSets() {
        assertTrue(Datasets.names().containsAll(BundledDatasets.names()), Datasets.names().toString());
    }

    @Test
    void registryReturnsCachedBundledSet() {
        RunConfig config = RunConfig.fromJson("{\"data\": {\"dataset\": \"fashion-mnist\"}}");

        Dataset fromRegistry = Datasets.load(config.data(), config.seed());

        assertSame(BundledDatasets.load("fashion-mnist", Scaling.UNIT_RANGE, 0.2, 0), fromRegistry);
        assertEquals("Trouser", fromRegistry.classNames().get(1));
    }

    @Test
    void scalingRoundTripsThroughJson() {
        RunConfig config = RunConfig.fromJson("{\"data\": {\"dataset\": \"wine\", \"scaling\": \"standardize\"}}");

        RunConfig again = RunConfig.fromJson(config.toJson());

        assertEquals(Scaling.STANDARDIZE, config.data().scaling());
        assertEquals(config, again);
    }

    @Test
    void invalidDataFieldsAreReported() {
        List<FieldError> errors = errorsOf("""
                {"data": {"dataset": "letters", "scaling": "log", "directory": "/tmp"}}
                """);

        assertEquals(List.of(
                new FieldError("data.scaling", "\"log\"", "one of unit-range, standardize, none"),
                new FieldError("data.directory", "\"/tmp\"", "empty unless data.dataset is mnist or fashion-mnist")),
                errors);
    }

    @Test
    void missingDirectoryIsReported() {
        String absent = folder.resolve("absent").toString();

        List<FieldError> errors = errorsOf("{\"data\": {\"dataset\": \"mnist\", \"directory\": \"" + absent + "\"}}");

        assertEquals(1, errors.size());
        assertEquals("data.directory", errors.get(0).field());
    }

    @Test
    void directoryInConfigLoadsFullFiles() throws IOException {
        IdxTestFiles.writeSplit(folder, "train", 30, true);
        IdxTestFiles.writeSplit(folder, "t10k", 10, true);
        RunConfig config = RunConfig.fromJson("{\"data\": {\"dataset\": \"mnist\", \"directory\": \"" + folder + "\"}}");

        Dataset dataset = Datasets.load(config.data(), config.seed());

        assertEquals(30, dataset.train().sampleCount());
        assertEquals(folder.toString(), RunConfig.fromJson(config.toJson()).data().directory());
    }

    @Test
    void configuredFolderAddsFullDataset() throws IOException {
        IdxTestFiles.writeSplit(folder, "train", 30, false);
        IdxTestFiles.writeSplit(folder, "t10k", 10, false);
        Datasets.useFolders(DatasetFolders.parse("mnist=" + folder, "test"));
        RunConfig config = RunConfig.fromJson("{\"data\": {\"dataset\": \"mnist-full\"}}");

        Dataset dataset = Datasets.load(config.data(), config.seed());
        DatasetInfo info = Datasets.info("mnist-full");

        assertTrue(Datasets.names().contains("mnist-full"), Datasets.names().toString());
        assertEquals(30, dataset.train().sampleCount());
        assertEquals(30, info.trainSamples());
        assertEquals(10, info.testSamples());
        assertEquals(4, info.features());
        assertEquals("MNIST handwritten digits (complete)", info.title());
    }

    @Test
    void syntheticSetsAreDescribedToo() {
        DatasetInfo spirals = Datasets.info("spirals");

        assertEquals(800, spirals.trainSamples());
        assertEquals(200, spirals.testSamples());
        assertEquals(2, spirals.features());
    }
}
