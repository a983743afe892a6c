import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Builds the bundled dataset subsets from the unpacked packages; scripts/build-datasets.sh fetches
 * and checks those packages, then runs this file with the JDK's source launcher:
 *
 * <pre>java scripts/BuildDatasets.java MNIST_DIR FASHION_DIR SKLEARN_DATASETS_DIR LETTERS_FILE OUTPUT_DIR</pre>
 *
 * <p>Every selection keeps the original order and takes the first samples of each class, so the
 * output depends only on the input files. It writes gzip IDX files (ubyte), gzip CSV files and
 * CONTENTS.sha256, the SHA-256 of every decompressed file, which the tests compare against.
 *
 * <p>Splits:
 * <ul>
 *   <li>MNIST and Fashion-MNIST: the first 500 training and the first 100 test images of each class.
 *   <li>8x8 digits (1,797 samples, one file without a split): the first 140 samples of each class
 *       train (1,400), the remaining 397 test.
 *   <li>Letters (20,000 samples): the first 16,000 train and the last 4,000 test, the split that the
 *       UCI description of the data set recommends.
 *   <li>Iris, wine and breast cancer: one CSV each, split at load time by the application.
 * </ul>
 */
public final class BuildDatasets {

    private static final int IMAGE_TRAIN_PER_CLASS = 500;
    private static final int IMAGE_TEST_PER_CLASS = 100;
    private static final int DIGITS_TRAIN_PER_CLASS = 140;
    private static final int LETTERS_TRAIN_COUNT = 16_000;

    private final Path outputDir;
    private final Map<String, String> contentSums = new TreeMap<>();

    private BuildDatasets(Path outputDir) {
        this.outputDir = outputDir;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: java scripts/BuildDatasets.java MNIST_DIR FASHION_DIR"
                    + " SKLEARN_DATASETS_DIR LETTERS_FILE OUTPUT_DIR");
            System.exit(2);
        }
        BuildDatasets builder = new BuildDatasets(Path.of(args[4]));
        builder.buildImageSubset(Path.of(args[0]), "", "mnist");
        builder.buildImageSubset(Path.of(args[1]), ".gz", "fashion-mnist");
        Path sklearnDir = Path.of(args[2]);
        builder.buildDigits(sklearnDir.resolve("data/digits.csv.gz"));
        builder.buildLetters(Path.of(args[3]));
        Path sklearnLoader = sklearnDir.resolve("_base.py");
        builder.buildTable(sklearnDir.resolve("data/iris.csv"), sklearnLoader, "iris.rst", "iris");
        builder.buildTable(sklearnDir.resolve("data/wine_data.csv"), sklearnLoader, "wine_data.rst", "wine");
        builder.buildTable(sklearnDir.resolve("data/breast_cancer.csv"), sklearnLoader, "breast_cancer.rst",
                "breast-cancer");
        builder.writeContentSums();
    }

    /** An IDX array of unsigned bytes: its dimensions and its values in row-major order. */
    record Idx(int[] dimensions, byte[] values) {

        int sampleSize() {
            int size = 1;
            for (int i = 1; i < dimensions.length; i++) {
                size *= dimensions[i];
            }
            return size;
        }
    }

    private void buildImageSubset(Path sourceDir, String suffix, String name) throws IOException {
        for (String[] split : new String[][] {{"train", "500"}, {"t10k", "100"}}) {
            Idx images = readIdx(sourceDir.resolve(split[0] + "-images-idx3-ubyte" + suffix));
            Idx labels = readIdx(sourceDir.resolve(split[0] + "-labels-idx1-ubyte" + suffix));
            int perClass = split[0].equals("train") ? IMAGE_TRAIN_PER_CLASS : IMAGE_TEST_PER_CLASS;
            int[] chosen = firstOfEachClass(labels.values(), perClass, 0, labels.values().length);
            writeSelection(name, split[0], "images-idx3", images, labels, chosen);
        }
    }

    private void buildDigits(Path csvGz) throws IOException {
        List<int[]> rows = readIntRows(csvGz);
        byte[] labels = new byte[rows.size()];
        byte[] pixels = new byte[rows.size() * 64];
        for (int i = 0; i < rows.size(); i++) {
            int[] row = rows.get(i);
            for (int j = 0; j < 64; j++) {
                pixels[i * 64 + j] = (byte) row[j];
            }
            labels[i] = (byte) row[64];
        }
        Idx images = new Idx(new int[] {rows.size(), 8, 8}, pixels);
        Idx labelIdx = new Idx(new int[] {rows.size()}, labels);
        int[] train = firstOfEachClass(labels, DIGITS_TRAIN_PER_CLASS, 0, labels.length);
        writeSelection("digits", "train", "images-idx3", images, labelIdx, train);
        writeSelection("digits", "t10k", "images-idx3", images, labelIdx, complement(train, labels.length));
    }

    private void buildLetters(Path dataFile) throws IOException {
        List<String> lines = Files.readAllLines(dataFile, StandardCharsets.US_ASCII);
        byte[] labels = new byte[lines.size()];
        byte[] features = new byte[lines.size() * 16];
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",");
            labels[i] = (byte) (cells[0].charAt(0) - 'A');
            for (int j = 0; j < 16; j++) {
                features[i * 16 + j] = (byte) Integer.parseInt(cells[j + 1]);
            }
        }
        Idx featureIdx = new Idx(new int[] {lines.size(), 16}, features);
        Idx labelIdx = new Idx(new int[] {lines.size()}, labels);
        int[] all = new int[lines.size()];
        Arrays.setAll(all, i -> i);
        writeSelection("letters", "train", "features-idx2", featureIdx, labelIdx,
                Arrays.copyOfRange(all, 0, LETTERS_TRAIN_COUNT));
        writeSelection("letters", "t10k", "features-idx2", featureIdx, labelIdx,
                Arrays.copyOfRange(all, LETTERS_TRAIN_COUNT, all.length));
    }

    /**
     * Rewrites one of scikit-learn's CSV files (first line {@code rows,features,class names...},
     * integer label last) as a plain CSV with a header of feature names and the class name as label.
     */
    private void buildTable(Path csv, Path loaderSource, String descrFile, String name) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",");
        List<String> classNames = Arrays.asList(header).subList(2, header.length);
        List<String> featureNames = featureNames(Files.readString(loaderSource), descrFile);
        StringBuilder out = new StringBuilder();
        for (String feature : featureNames) {
            out.append(quote(feature)).append(',');
        }
        out.append("class\n");
        for (String line : lines.subList(1, lines.size())) {
            int lastComma = line.lastIndexOf(',');
            String label = classNames.get(Integer.parseInt(line.substring(lastComma + 1).trim()));
            out.append(line, 0, lastComma + 1).append(label).append('\n');
        }
        writeGzip(name + ".csv.gz", out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Reads the {@code feature_names} list that follows {@code descr_file_name="..."} in sklearn's loader. */
    private static List<String> featureNames(String loaderSource, String descrFile) {
        int start = loaderSource.indexOf("descr_file_name=\"" + descrFile + "\"");
        int listStart = loaderSource.indexOf("feature_names =", start);
        int listEnd = loaderSource.indexOf(']', listStart);
        if (start < 0 || listStart < 0 || listEnd < 0) {
            throw new IllegalStateException("feature names for " + descrFile + " not found in _base.py");
        }
        List<String> names = new ArrayList<>();
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(loaderSource.substring(listStart, listEnd));
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        return names;
    }

    private static String quote(String cell) {
        return cell.contains(",") ? "\"" + cell + "\"" : cell;
    }

    private static int[] firstOfEachClass(byte[] labels, int perClass, int from, int to) {
        int[] taken = new int[256];
        int[] chosen = new int[labels.length];
        int count = 0;
        for (int i = from; i < to; i++) {
            int label = labels[i] & 0xFF;
            if (taken[label] < perClass) {
                taken[label]++;
                chosen[count++] = i;
            }
        }
        return Arrays.copyOf(chosen, count);
    }

    private static int[] complement(int[] chosen, int total) {
        boolean[] taken = new boolean[total];
        for (int index : chosen) {
            taken[index] = true;
        }
        int[] rest = new int[total - chosen.length];
        int count = 0;
        for (int i = 0; i < total; i++) {
            if (!taken[i]) {
                rest[count++] = i;
            }
        }
        return rest;
    }

    private void writeSelection(String name, String split, String kind, Idx samples, Idx labels, int[] chosen)
            throws IOException {
        int sampleSize = samples.sampleSize();
        byte[] selectedSamples = new byte[chosen.length * sampleSize];
        byte[] selectedLabels = new byte[chosen.length];
        for (int i = 0; i < chosen.length; i++) {
            System.arraycopy(samples.values(), chosen[i] * sampleSize, selectedSamples, i * sampleSize, sampleSize);
            selectedLabels[i] = labels.values()[chosen[i]];
        }
        int[] sampleDims = samples.dimensions().clone();
        sampleDims[0] = chosen.length;
        writeGzip(name + "/" + split + "-" + kind + "-ubyte.gz", idxBytes(sampleDims, selectedSamples));
        writeGzip(name + "/" + split + "-labels-idx1-ubyte.gz",
                idxBytes(new int[] {chosen.length}, selectedLabels));
        System.out.printf("%s %s: %d samples%n", name, split, chosen.length);
    }

    private static Idx readIdx(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(
                     file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw)) {
            int magic = in.readInt();
            if ((magic >>> 8) != 0x08) {
                throw new IOException(file + ": not an unsigned-byte IDX file (magic " + Integer.toHexString(magic) + ")");
            }
            int[] dims = new int[magic & 0xFF];
            long size = 1;
            for (int i = 0; i < dims.length; i++) {
                dims[i] = in.readInt();
                size *= dims[i];
            }
            byte[] values = new byte[Math.toIntExact(size)];
            in.readFully(values);
            if (in.read() != -1) {
                throw new IOException(file + ": trailing bytes after " + size + " values");
            }
            return new Idx(dims, values);
        }
    }

    private static byte[] idxBytes(int[] dims, byte[] values) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(values.length + 4 * dims.length + 4);
        DataOutputStream out = new DataOutputStream(buffer);
        out.writeInt(0x0800 | dims.length);
        for (int dim : dims) {
            out.writeInt(dim);
        }
        out.write(values);
        out.flush();
        return buffer.toByteArray();
    }

    private static List<int[]> readIntRows(Path csvGz) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(csvGz))) {
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        List<int[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                rows.add(Arrays.stream(line.trim().split(",")).mapToInt(BuildDatasets::parseWholeNumber).toArray());
            }
        }
        return rows;
    }

    /** Parses a whole number written as "5" or "5.0" and rejects any other value. */
    private static int parseWholeNumber(String cell) {
        double value = Double.parseDouble(cell);
        if (value != Math.rint(value)) {
            throw new IllegalStateException("expected a whole number, found " + cell);
        }
        return (int) value;
    }

    private void writeGzip(String relativePath, byte[] content) throws IOException {
        Path target = outputDir.resolve(relativePath);
        Files.createDirectories(target.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target)) {
            {
                def.setLevel(9);
            }
        }) {
            out.write(content);
        }
        contentSums.put(relativePath, sha256(content));
    }

    private void writeContentSums() throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# SHA-256 of each file's decompressed content, written by scripts/BuildDatasets.java.\n");
        contentSums.forEach((path, sum) -> out.append(sum).append("  ").append(path).append('\n'));
        Files.writeString(outputDir.resolve("CONTENTS.sha256"), out.toString());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
