package dev.layerscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxDirectoryTest {

    @TempDir
    Path folder;

    @Test
    void folderOfPlainAndGzipFilesLoads() throws IOException {
        IdxTestFiles.writeSplit(folder, "train", 20, false);
        IdxTestFiles.writeSplit(folder, "t10k", 10, true);

        Dataset dataset = BundledDatasets.loadDirectory("mnist", folder, Scaling.UNIT_RANGE);

        assertEquals(20, dataset.train().sampleCount());
        assertEquals(10, dataset.test().sampleCount());
        assertEquals(4, dataset.featureCount());
        assertEquals(10, dataset.outputCount());
        // Image 3 has every pixel 30 and label 3; unit-range scaling divides by 255.
        assertArrayEquals(new double[] {30 / 255.0, 30 / 255.0, 30 / 255.0, 30 / 255.0},
                java.util.Arrays.copyOfRange(dataset.train().features(), 12, 16));
        assertEquals(3, dataset.train().labels()[3]);
        assertEquals(1.0, dataset.train().targets()[3 * 10 + 3]);
        assertTrue(dataset.source().contains(folder.toString()), dataset.source());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        IdxTestFiles.writeSplit(folder, "train", 20, false);

        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> BundledDatasets.loadDirectory("fashion-mnist", folder, Scaling.UNIT_RANGE));

        assertEquals(folder + ": neither t10k-images-idx3-ubyte.gz nor t10k-images-idx3-ubyte was found",
                error.getCause().getMessage());
    }

    @Test
    void labelCountMismatchIsReported() throws IOException {
        IdxTestFiles.writeSplit(folder, "train", 20, false);
        IdxTestFiles.writeSplit(folder, "t10k", 10, false);
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), IdxTestFiles.idx(new int[] {9}, new byte[9]));

        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> BundledDatasets.loadDirectory("mnist", folder, Scaling.NONE));

        assertEquals(folder + " (t10k): 10 samples but 9 labels", error.getCause().getMessage());
    }

    @Test
    void labelOutsideClassesIsReported() throws IOException {
        IdxTestFiles.writeSplit(folder, "train", 20, false);
        IdxTestFiles.writeSplit(folder, "t10k", 2, false);
        Files.write(folder.resolve("t10k-labels-idx1-ubyte"), IdxTestFiles.idx(new int[] {2}, new byte[] {1, 12}));

        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> BundledDatasets.loadDirectory("mnist", folder, Scaling.NONE));

        assertEquals(folder + " (t10k): label 12 of sample 1 is invalid; allowed: 0 to 9", error.getCause().getMessage());
    }

    @Test
    void missingFolderAndUnsupportedSetAreRejected() {
        Path absent = folder.resolve("absent");

        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> BundledDatasets.loadDirectory("mnist", absent, Scaling.NONE));
        IllegalArgumentException unsupported = assertThrows(IllegalArgumentException.class,
                () -> BundledDatasets.loadDirectory("letters", folder, Scaling.NONE));

        assertEquals("dataset folder " + absent + " does not exist", missing.getCause().getMessage());
        assertEquals("dataset \"letters\" cannot be read from a folder; allowed: mnist, fashion-mnist",
                unsupported.getMessage());
    }
}
