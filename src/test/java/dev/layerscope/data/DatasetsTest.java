package dev.layerscope.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetsTest {

    static List<String> syntheticNames() {
        return List.of("spirals", "circles", "xor", "gaussians", "moons", "checkerboard");
    }

    @Test
    void registryListsSyntheticSets() {
        assertTrue(Datasets.names().containsAll(syntheticNames()), Datasets.names().toString());
    }

    @ParameterizedTest
    @MethodSource("syntheticNames")
    void sameSeedGivesSamePoints(String name) {
        DataSpec spec = DataSpec.of(name);

        Dataset first = Datasets.load(spec, 11);
        Dataset second = Datasets.load(spec, 11);
        Dataset other = Datasets.load(spec, 12);

        assertEquals(first.train(), second.train());
        assertEquals(first.test(), second.test());
        assertFalse(first.train().equals(other.train()), name + " ignores the seed");
    }

    @ParameterizedTest
    @MethodSource("syntheticNames")
    void splitFollowsSpec(String name) {
        DataSpec spec = new DataSpec(name, 500, 0.0, 0.3, 2);

        Dataset dataset = Datasets.load(spec, 1);

        assertEquals(150, dataset.test().sampleCount());
        assertEquals(350, dataset.train().sampleCount());
        assertEquals(2, dataset.featureCount());
        assertEquals("generated", dataset.licence());
        Split train = dataset.train();
        // Gaussian blobs at +-0.5 with sigma 0.2 have unbounded tails; five sigmas reach 1.5.
        double bound = name.equals("gaussians") ? 1.5 : 1.0;
        int[] perClass = new int[dataset.outputCount()];
        for (int i = 0; i < train.sampleCount(); i++) {
            perClass[train.labels()[i]]++;
            assertEquals(1.0, train.targets()[i * train.outputCount() + train.labels()[i]], 0.0);
            assertTrue(Math.abs(train.features()[2 * i]) <= bound, name + " x outside +-" + bound);
            assertTrue(Math.abs(train.features()[2 * i + 1]) <= bound, name + " y outside +-" + bound);
        }
        for (int count : perClass) {
            // 500 samples in balanced classes, 350 of them drawn for training: each class near 175.
            assertTrue(count > 120, name + " class sizes " + java.util.Arrays.toString(perClass));
            assertTrue(count < 230, name + " class sizes " + java.util.Arrays.toString(perClass));
        }
    }

    @Test
    void spiralArmsAreClasses() {
        Dataset dataset = Datasets.load(new DataSpec("spirals", 600, 0.1, 0.2, 5), 3);

        assertEquals(5, dataset.outputCount());
        assertEquals(List.of("arm 1", "arm 2", "arm 3", "arm 4", "arm 5"), dataset.classNames());
    }

    @Test
    void cleanXorLabelsFollowSigns() {
        Split train = Datasets.load(new DataSpec("xor", 400, 0.0, 0.1, 2), 5).train();

        for (int i = 0; i < train.sampleCount(); i++) {
            boolean sameSign = train.features()[2 * i] * train.features()[2 * i + 1] > 0;
            assertEquals(sameSign ? 0 : 1, train.labels()[i], "sample " + i);
        }
    }

    @Test
    void cleanCirclesSeparateByRadius() {
        Split train = Datasets.load(new DataSpec("circles", 400, 0.0, 0.1, 2), 5).train();

        for (int i = 0; i < train.sampleCount(); i++) {
            double radius = Math.hypot(train.features()[2 * i], train.features()[2 * i + 1]);
            assertEquals(radius > 0.6 ? 1 : 0, train.labels()[i], "sample " + i + " at radius " + radius);
        }
    }

    @Test
    void noiseSpreadsPoints() {
        DataSpec clean = new DataSpec("gaussians", 2000, 0.0, 0.1, 2);
        double cleanSpread = spreadOfFirstFeature(Datasets.load(clean, 1).train());
        double noisySpread = spreadOfFirstFeature(Datasets.load(clean.withNoise(0.5), 1).train());

        // Blobs at +-0.5 with sigma 0.2 give variance 0.25 + 0.04 = 0.29; noise 0.5 adds 0.25.
        assertEquals(0.29, cleanSpread, 0.03);
        assertEquals(0.54, noisySpread, 0.05);
    }

    private static double spreadOfFirstFeature(Split split) {
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < split.sampleCount(); i++) {
            double x = split.features()[2 * i];
            sum += x;
            squares += x * x;
        }
        double mean = sum / split.sampleCount();
        return squares / split.sampleCount() - mean * mean;
    }

    @Test
    void unknownDatasetIsRejected() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> Datasets.load(DataSpec.of("imagenet"), 1));

        assertTrue(thrown.getMessage().contains("spirals"), thrown.getMessage());
    }

    @Test
    void specRejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("xor", 5, 0.1, 0.2, 2));
        assertThrows(IllegalArgumentException.class, () -> new DataSpec("xor", 100, 0.1, 0.95, 2));
        assertArrayEquals(new int[0], Datasets.load(DataSpec.of("xor"), 1).imageShape());
    }
}
