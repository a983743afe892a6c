package dev.layerscope.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns CSV files into datasets: the user's uploads and the bundled tables. The split is stratified:
 * within each class, a seeded shuffle picks {@code round(classSize * testFraction)} test rows, so the
 * same seed gives the same split.
 */
public final class CsvDatasets {

    private CsvDatasets() {
    }

    /**
     * Validates an uploaded CSV file and builds a dataset from it. Nothing is shared with other
     * datasets, so a rejected file has no effect elsewhere.
     *
     * @param name         the name the dataset gets, for example the file name
     * @param testFraction the share of each class held out for testing, in (0, 1)
     * @throws CsvException listing every problem in the file
     */
    public static Dataset fromUpload(String name, byte[] bytes, CsvOptions options, CsvLimits limits,
                                     Scaling scaling, double testFraction, long seed) {
        checkTestFraction(testFraction);
        CsvTable table = CsvParser.parse(bytes, options, limits);
        DatasetDescription description = new DatasetDescription(name, name, "uploaded CSV file",
                "as given by the uploader", table.classNames(), new int[0]);
        return fromTable(description, table, scaling, testFraction, seed);
    }

    /**
     * Validates an uploaded CSV file and builds a dataset with the scaling and test fraction of
     * {@code spec}, the configuration's data section; its other fields do not apply to CSV files.
     *
     * @throws CsvException listing every problem in the file
     */
    public static Dataset fromUpload(String name, byte[] bytes, CsvOptions options, CsvLimits limits, DataSpec spec,
                                     long seed) {
        return fromUpload(name, bytes, options, limits, spec.scaling(), spec.testFraction(), seed);
    }

    /** Splits {@code table} into stratified train and test sets and scales them. */
    static Dataset fromTable(DatasetDescription description, CsvTable table, Scaling scaling, double testFraction,
                             long seed) {
        checkScalable(table, scaling);
        LabelledSamples samples = table.samples();
        boolean[] isTest = chooseTestRows(samples.labels(), table.classNames().size(), testFraction, seed);
        int testCount = 0;
        for (boolean test : isTest) {
            testCount += test ? 1 : 0;
        }
        if (testCount == 0 || testCount == isTest.length) {
            throw new CsvException(List.of(new CsvProblem(0, 0, "the file has " + isTest.length
                    + " data rows, too few to hold out testFraction " + testFraction
                    + " of each class and keep the rest for training; add rows or change testFraction")));
        }
        LabelledSamples train = select(samples, isTest, false);
        LabelledSamples test = select(samples, isTest, true);
        return LabelledSamples.toDataset(description, train, test, scaling, Double.NaN);
    }

    /**
     * Rejects a column whose range overflows a double once scaled: with {@code unit-range} its
     * maximum minus its minimum, with {@code standardize} that range squared (a bound on the
     * variance). Such a column would turn into NaN or all zeros.
     */
    private static void checkScalable(CsvTable table, Scaling scaling) {
        if (scaling == Scaling.NONE) {
            return;
        }
        double[] features = table.samples().features();
        int featureCount = table.samples().featureCount();
        for (int column = 0; column < featureCount; column++) {
            double minimum = Double.POSITIVE_INFINITY;
            double maximum = Double.NEGATIVE_INFINITY;
            for (int i = column; i < features.length; i += featureCount) {
                minimum = Math.min(minimum, features[i]);
                maximum = Math.max(maximum, features[i]);
            }
            double range = maximum - minimum;
            if (!Double.isFinite(scaling == Scaling.STANDARDIZE ? range * range : range)) {
                throw new CsvException(List.of(new CsvProblem(0, 0, "feature " + table.featureNames().get(column)
                        + " spans " + minimum + " to " + maximum + ", too wide to scale with data.scaling "
                        + scaling.jsonName() + "; divide the column by a constant or use data.scaling none")));
            }
        }
    }

    private static void checkTestFraction(double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("invalid testFraction " + testFraction + "; allowed: (0, 1)");
        }
    }

    private static boolean[] chooseTestRows(int[] labels, int classCount, double testFraction, long seed) {
        List<List<Integer>> rowsOfClass = new ArrayList<>();
        for (int c = 0; c < classCount; c++) {
            rowsOfClass.add(new ArrayList<>());
        }
        for (int row = 0; row < labels.length; row++) {
            rowsOfClass.get(labels[row]).add(row);
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] isTest = new boolean[labels.length];
        for (List<Integer> rows : rowsOfClass) {
            int testRows = (int) Math.round(rows.size() * testFraction);
            for (int i = 0; i < testRows; i++) {
                int pick = i + random.nextInt(rows.size() - i);
                int chosen = rows.get(pick);
                rows.set(pick, rows.get(i));
                rows.set(i, chosen);
                isTest[chosen] = true;
            }
        }
        return isTest;
    }

    private static LabelledSamples select(LabelledSamples samples, boolean[] isTest, boolean test) {
        int featureCount = samples.featureCount();
        int count = 0;
        for (boolean flag : isTest) {
            count += flag == test ? 1 : 0;
        }
        double[] features = new double[count * featureCount];
        int[] labels = new int[count];
        int next = 0;
        for (int row = 0; row < isTest.length; row++) {
            if (isTest[row] == test) {
                System.arraycopy(samples.features(), row * featureCount, features, next * featureCount, featureCount);
                labels[next++] = samples.labels()[row];
            }
        }
        return new LabelledSamples(features, featureCount, labels);
    }
}
