package dev.layerscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFoldersTest {

    @TempDir
    Path folder;

    @Test
    void environmentVariableAddsFullDataset() {
        DatasetFolders folders = DatasetFolders.fromEnvironment(
                Map.of(DatasetFolders.ENVIRONMENT_VARIABLE, " fashion-mnist = " + folder + " ,"));

        assertEquals(List.of("fashion-mnist-full"), folders.fullDatasetNames());
        assertEquals(Optional.of(folder), folders.folderOf("fashion-mnist-full"));
        assertEquals(Optional.empty(), folders.folderOf("mnist-full"));
        assertEquals(Optional.empty(), folders.folderOf("fashion-mnist"));
    }

    @Test
    void unsetVariableGivesNoFolders() {
        assertEquals(List.of(), DatasetFolders.fromEnvironment(Map.of()).fullDatasetNames());
    }

    @Test
    void invalidEntriesAreRejected() {
        String origin = DatasetFolders.ENVIRONMENT_VARIABLE;

        IllegalArgumentException noEquals = assertThrows(IllegalArgumentException.class,
                () -> DatasetFolders.parse("mnist", origin));
        IllegalArgumentException wrongSet = assertThrows(IllegalArgumentException.class,
                () -> DatasetFolders.parse("letters=" + folder, origin));
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> DatasetFolders.parse("mnist=" + folder.resolve("absent"), origin));

        assertEquals(origin + ": invalid entry \"mnist\"; expected name=folder, for example mnist=/data/mnist",
                noEquals.getMessage());
        assertEquals(origin + ": dataset \"letters\" cannot be read from a folder; allowed: mnist, fashion-mnist",
                wrongSet.getMessage());
        assertEquals(origin + ": folder " + folder.resolve("absent") + " for mnist does not exist", absent.getMessage());
    }
}
