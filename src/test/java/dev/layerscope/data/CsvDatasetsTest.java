package dev.layerscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvDatasetsTest {

    private static final double TOLERANCE = 1e-12;

    /** Ten rows: feature x = 0..9, label "low" for x < 5 and "high" otherwise. */
    private static byte[] tenRows() {
        StringBuilder csv = new StringBuilder("x,level\n");
        for (int x = 0; x < 10; x++) {
            csv.append(x).append(',').append(x < 5 ? "low" : "high").append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Dataset upload(byte[] bytes, Scaling scaling, double testFraction, long seed) {
        return CsvDatasets.fromUpload("levels.csv", bytes, CsvOptions.DEFAULT, CsvLimits.DEFAULT, scaling,
                testFraction, seed);
    }

    @Test
    void splitIsStratifiedAndSeeded() {
        Dataset first = upload(tenRows(), Scaling.NONE, 0.2, 5);
        Dataset again = upload(tenRows(), Scaling.NONE, 0.2, 5);

        assertEquals(8, first.train().sampleCount());
        assertEquals(2, first.test().sampleCount());
        assertArrayEquals(new int[] {4, 4}, BundledDatasetsTest.classCounts(first.train(), 2));
        assertArrayEquals(first.test().features(), again.test().features());
    }

    @Test
    void differentSeedsGiveDifferentSplits() {
        int differing = 0;
        Dataset reference = upload(tenRows(), Scaling.NONE, 0.2, 0);
        for (long seed = 1; seed <= 5; seed++) {
            Dataset other = upload(tenRows(), Scaling.NONE, 0.2, seed);
            differing += java.util.Arrays.equals(reference.test().features(), other.test().features()) ? 0 : 1;
        }

        // Each seed picks one test row of each class out of 25 possible pairs, so most seeds differ.
        assertNotEquals(0, differing);
    }

    @Test
    void standardizationUsesTrainingRowsOnly() {
        Dataset dataset = upload(tenRows(), Scaling.STANDARDIZE, 0.2, 5);
        double[] train = dataset.train().features();

        double mean = 0;
        for (double value : train) {
            mean += value / train.length;
        }
        double variance = 0;
        for (double value : train) {
            variance += (value - mean) * (value - mean) / train.length;
        }

        assertEquals(0.0, mean, TOLERANCE);
        assertEquals(1.0, variance, TOLERANCE);
    }

    @Test
    void unitRangeMapsTrainingMinimumAndMaximum() {
        Dataset dataset = upload(tenRows(), Scaling.UNIT_RANGE, 0.2, 5);
        double[] train = dataset.train().features();

        double min = java.util.Arrays.stream(train).min().orElseThrow();
        double max = java.util.Arrays.stream(train).max().orElseThrow();

        assertEquals(0.0, min, TOLERANCE);
        assertEquals(1.0, max, TOLERANCE);
        assertEquals("uploaded CSV file", dataset.source());
        assertEquals(java.util.List.of("high", "low"), dataset.classNames());
    }

    @Test
    void columnTooWideToScaleIsReported() {
        StringBuilder csv = new StringBuilder("wide,narrow,level\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i % 2 == 0 ? "-1e308" : "1e308").append(',').append(i).append(',').append(i < 5 ? "low" : "high")
                    .append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);

        CsvException unitRange = assertThrows(CsvException.class, () -> upload(bytes, Scaling.UNIT_RANGE, 0.2, 1));
        CsvException standardize = assertThrows(CsvException.class, () -> upload(bytes, Scaling.STANDARDIZE, 0.2, 1));
        Dataset unscaled = upload(bytes, Scaling.NONE, 0.2, 1);

        assertEquals("feature wide spans -1.0E308 to 1.0E308, too wide to scale with data.scaling unit-range;"
                + " divide the column by a constant or use data.scaling none", unitRange.problems().get(0).describe());
        assertEquals(1, standardize.problems().size());
        assertEquals(8, unscaled.train().sampleCount());
    }

    @Test
    void tooFewRowsForTestFractionIsReported() {
        byte[] fourRows = "1,a\n2,a\n3,b\n4,b\n".getBytes(StandardCharsets.UTF_8);

        CsvException error = assertThrows(CsvException.class, () -> upload(fourRows, Scaling.NONE, 0.1, 1));

        assertEquals("the file has 4 data rows, too few to hold out testFraction 0.1 of each class and keep the"
                + " rest for training; add rows or change testFraction", error.getMessage());
    }

    @Test
    void dataSpecSuppliesScalingAndTestFraction() {
        DataSpec spec = new DataSpec("spirals", 1000, 0.1, 0.5, 2).withScaling(Scaling.STANDARDIZE);

        Dataset dataset = CsvDatasets.fromUpload("levels.csv", tenRows(), CsvOptions.DEFAULT, CsvLimits.DEFAULT, spec, 3);

        // Each class of 5 rows holds out Math.round(5 * 0.5) = 3 rows.
        assertEquals(6, dataset.test().sampleCount());
        assertEquals(0.0, java.util.Arrays.stream(dataset.train().features()).sum(), TOLERANCE);
    }

    @Test
    void invalidTestFractionIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> upload(tenRows(), Scaling.NONE, 1.0, 1));

        assertEquals("invalid testFraction 1.0; allowed: (0, 1)", error.getMessage());
    }
}
