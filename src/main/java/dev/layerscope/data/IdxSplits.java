package dev.layerscope.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads one split stored as a pair of IDX files in the MNIST naming scheme, for example
 * {@code train-images-idx3-ubyte} and {@code train-labels-idx1-ubyte}, optionally gzip-compressed.
 */
final class IdxSplits {

    /** Opens a file by name in some location, or returns null when there is no such file. */
    interface FileOpener {
        InputStream open(String fileName) throws IOException;

        /** Describes the location for error messages, for example a folder path. */
        String location();
    }

    private IdxSplits() {
    }

    /**
     * Reads the samples and labels of one split and checks that they match.
     *
     * @param split       the file name prefix: {@code "train"} or {@code "t10k"}
     * @param sampleStem  the middle of the sample file name: {@code "images-idx3"} or {@code "features-idx2"}
     * @param classCount  labels must lie in {@code [0, classCount)}
     */
    static LabelledSamples read(FileOpener opener, String split, String sampleStem, int classCount)
            throws IOException {
        IdxArray samples = readFile(opener, split + "-" + sampleStem + "-ubyte");
        IdxArray labels = readFile(opener, split + "-labels-idx1-ubyte");
        String where = opener.location() + " (" + split + ")";
        if (labels.dimensions().length != 1) {
            throw new IdxFormatException(where + ": the labels file has dimensions "
                    + Arrays.toString(labels.dimensions()) + "; expected one dimension");
        }
        if (labels.sampleCount() != samples.sampleCount()) {
            throw new IdxFormatException(where + ": " + samples.sampleCount() + " samples but "
                    + labels.sampleCount() + " labels");
        }
        int[] labelValues = new int[labels.sampleCount()];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = labels.values()[i] & 0xFF;
            if (labelValues[i] >= classCount) {
                throw new IdxFormatException(where + ": label " + labelValues[i] + " of sample " + i
                        + " is invalid; allowed: 0 to " + (classCount - 1));
            }
        }
        double[] features = new double[samples.values().length];
        for (int i = 0; i < features.length; i++) {
            features[i] = samples.values()[i] & 0xFF;
        }
        return new LabelledSamples(features, samples.sampleSize(), labelValues);
    }

    /** Reads the dimensions of a split's sample file without reading its values. */
    static int[] readSampleDimensions(FileOpener opener, String split, String sampleStem) throws IOException {
        String stem = split + "-" + sampleStem + "-ubyte";
        try (InputStream in = open(opener, stem)) {
            return IdxReader.readDimensions(in, opener.location() + "/" + stem);
        }
    }

    private static IdxArray readFile(FileOpener opener, String stem) throws IOException {
        try (InputStream in = open(opener, stem)) {
            return IdxReader.read(in, opener.location() + "/" + stem);
        }
    }

    /** Opens {@code stem.gz} or, when absent, {@code stem}. */
    private static InputStream open(FileOpener opener, String stem) throws IOException {
        InputStream in = opener.open(stem + ".gz");
        if (in == null) {
            in = opener.open(stem);
        }
        if (in == null) {
            throw new java.io.FileNotFoundException(opener.location() + ": neither " + stem + ".gz nor " + stem
                    + " was found");
        }
        return in;
    }
}
