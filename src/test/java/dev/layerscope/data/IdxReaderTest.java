package dev.layerscope.data;

import static dev.layerscope.data.IdxTestFiles.gzip;
import static dev.layerscope.data.IdxTestFiles.idx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IdxReaderTest {

    private static final byte[] SIX_VALUES = {0, 1, 2, (byte) 200, (byte) 254, (byte) 255};

    private static IdxArray read(byte[] file) throws IOException {
        return IdxReader.read(new ByteArrayInputStream(file), "test.idx");
    }

    private static String errorOf(byte[] file) {
        return assertThrows(IdxFormatException.class, () -> read(file)).getMessage();
    }

    @Test
    void plainFileReadsDimensionsAndValues() throws IOException {
        IdxArray array = read(idx(new int[] {3, 2}, SIX_VALUES));

        assertArrayEquals(new int[] {3, 2}, array.dimensions());
        assertArrayEquals(SIX_VALUES, array.values());
        assertEquals(3, array.sampleCount());
        assertEquals(2, array.sampleSize());
        assertEquals(255, array.values()[5] & 0xFF);
    }

    @Test
    void gzipFileReadsLikePlainFile() throws IOException {
        IdxArray array = read(gzip(idx(new int[] {1, 2, 3}, SIX_VALUES)));

        assertArrayEquals(new int[] {1, 2, 3}, array.dimensions());
        assertArrayEquals(new int[] {2, 3}, array.sampleShape());
        assertArrayEquals(SIX_VALUES, array.values());
    }

    @Test
    void headerOnlyReadReturnsDimensions() throws IOException {
        byte[] file = gzip(idx(new int[] {3, 2}, SIX_VALUES));

        int[] dimensions = IdxReader.readDimensions(new ByteArrayInputStream(file), "test.idx");

        assertArrayEquals(new int[] {3, 2}, dimensions);
    }

    @Test
    void invalidFilesGetExactErrors() {
        byte[] valid = idx(new int[] {3, 2}, SIX_VALUES);
        byte[] trailing = Arrays.copyOf(valid, valid.length + 2);

        assertEquals("test.idx: invalid IDX magic number 0x01000802; an IDX file starts with two zero bytes,"
                + " for example 0x00000803 for images", errorOf(idx(0x01000802, new int[] {3, 2}, SIX_VALUES)));
        assertEquals("test.idx: unsupported IDX value type 0x0d; only unsigned bytes (0x08) are supported",
                errorOf(idx(0x00000d02, new int[] {3, 2}, SIX_VALUES)));
        assertEquals("test.idx: invalid number of dimensions 0; allowed: 1 to 4",
                errorOf(idx(0x00000800, new int[0], new byte[0])));
        assertEquals("test.idx: invalid number of dimensions 5; allowed: 1 to 4",
                errorOf(idx(new int[] {1, 1, 1, 1, 1}, new byte[1])));
        assertEquals("test.idx: invalid size 0 of dimension 1; every dimension must be at least 1",
                errorOf(idx(new int[] {3, 0}, new byte[0])));
        assertEquals("test.idx: truncated inside the header", errorOf(Arrays.copyOf(valid, 6)));
        assertEquals("test.idx: truncated; the header declares 6 values but the file ends after 4",
                errorOf(Arrays.copyOf(valid, valid.length - 2)));
        assertEquals("test.idx: unexpected bytes after the 6 values that the header declares", errorOf(trailing));
        assertEquals("test.idx: the header declares more than 2147483639 values, which do not fit in one Java array",
                errorOf(idx(new int[] {100_000, 100_000}, new byte[0])));
    }
}
