package dev.layerscope.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed (detected from the
 * first two bytes, not the file name).
 *
 * <p>Layout: a big-endian int magic number whose first two bytes are zero, whose third byte is the
 * value type ({@code 0x08} = unsigned byte, the only type supported here) and whose fourth byte is
 * the number of dimensions; then one big-endian int per dimension; then the values in row-major
 * order. A file must end right after its last value.
 */
public final class IdxReader {

    /** Value type byte of unsigned bytes, the type of every MNIST-style file. */
    public static final int UNSIGNED_BYTE = 0x08;
    /** Largest number of dimensions accepted; images with channels need four. */
    public static final int MAX_DIMENSIONS = 4;

    private static final int GZIP_MAGIC = 0x1f8b;

    private IdxReader() {
    }

    /** Reads the IDX file at {@code path}, plain or gzip. */
    public static IdxArray read(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, path.toString());
        }
    }

    /**
     * Reads one IDX array from {@code in} (plain or gzip) and checks that the stream ends after it.
     *
     * @param sourceName names the file in error messages
     * @throws IdxFormatException when the header is invalid or the data is truncated or too long
     */
    public static IdxArray read(InputStream in, String sourceName) throws IOException {
        DataInputStream data = new DataInputStream(decompressIfGzip(new BufferedInputStream(in)));
        try {
            int magic = data.readInt();
            int[] dimensions = readDimensions(data, magic, sourceName);
            long expectedValues = checkedProduct(dimensions, sourceName);
            byte[] values = data.readNBytes((int) expectedValues);
            if (values.length < expectedValues) {
                throw new IdxFormatException(sourceName + ": truncated; the header declares " + expectedValues
                        + " values but the file ends after " + values.length);
            }
            if (data.read() != -1) {
                throw new IdxFormatException(sourceName + ": unexpected bytes after the " + expectedValues
                        + " values that the header declares");
            }
            return new IdxArray(dimensions, values);
        } catch (EOFException e) {
            throw new IdxFormatException(sourceName + ": truncated inside the header", e);
        }
    }

    /** Reads only the header of the IDX file in {@code in} (plain or gzip) and returns its dimensions. */
    public static int[] readDimensions(InputStream in, String sourceName) throws IOException {
        DataInputStream data = new DataInputStream(decompressIfGzip(new BufferedInputStream(in)));
        try {
            return readDimensions(data, data.readInt(), sourceName);
        } catch (EOFException e) {
            throw new IdxFormatException(sourceName + ": truncated inside the header", e);
        }
    }

    private static InputStream decompressIfGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        boolean gzip = first >= 0 && second >= 0 && ((first << 8) | second) == GZIP_MAGIC;
        return gzip ? new GZIPInputStream(in) : in;
    }

    private static int[] readDimensions(DataInputStream data, int magic, String sourceName) throws IOException {
        if ((magic >>> 16) != 0) {
            throw new IdxFormatException(sourceName + ": invalid IDX magic number 0x" + String.format("%08x", magic)
                    + "; an IDX file starts with two zero bytes, for example 0x00000803 for images");
        }
        int type = (magic >>> 8) & 0xFF;
        if (type != UNSIGNED_BYTE) {
            throw new IdxFormatException(sourceName + ": unsupported IDX value type 0x" + String.format("%02x", type)
                    + "; only unsigned bytes (0x08) are supported");
        }
        int dimensionCount = magic & 0xFF;
        if (dimensionCount < 1 || dimensionCount > MAX_DIMENSIONS) {
            throw new IdxFormatException(sourceName + ": invalid number of dimensions " + dimensionCount
                    + "; allowed: 1 to " + MAX_DIMENSIONS);
        }
        int[] dimensions = new int[dimensionCount];
        for (int i = 0; i < dimensionCount; i++) {
            dimensions[i] = data.readInt();
            if (dimensions[i] < 1) {
                throw new IdxFormatException(sourceName + ": invalid size " + dimensions[i] + " of dimension "
                        + i + "; every dimension must be at least 1");
            }
        }
        return dimensions;
    }

    private static long checkedProduct(int[] dimensions, String sourceName) throws IdxFormatException {
        long product = 1;
        for (int dimension : dimensions) {
            product *= dimension;
            if (product > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(sourceName + ": the header declares more than "
                        + (Integer.MAX_VALUE - 8) + " values, which do not fit in one Java array");
            }
        }
        return product;
    }
}
