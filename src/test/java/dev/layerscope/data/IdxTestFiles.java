package dev.layerscope.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests. */
final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** Returns the bytes of an IDX file with the given magic number, dimensions and values. */
    static byte[] idx(int magic, int[] dimensions, byte[] values) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(magic);
            for (int dimension : dimensions) {
                out.writeInt(dimension);
            }
            out.write(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /** Returns an unsigned-byte IDX file whose magic number matches its dimensions. */
    static byte[] idx(int[] dimensions, byte[] values) {
        return idx(0x0800 | dimensions.length, dimensions, values);
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    /**
     * Writes one split of {@code count} 2x2 images into {@code folder}: image {@code i} has every
     * pixel equal to {@code 10 * i} and label {@code i % 10}.
     */
    static void writeSplit(Path folder, String split, int count, boolean gzip) throws IOException {
        byte[] pixels = new byte[count * 4];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) (10 * i));
            labels[i] = (byte) (i % 10);
        }
        byte[] images = idx(new int[] {count, 2, 2}, pixels);
        byte[] labelFile = idx(new int[] {count}, labels);
        String suffix = gzip ? ".gz" : "";
        Files.write(folder.resolve(split + "-images-idx3-ubyte" + suffix), gzip ? gzip(images) : images);
        Files.write(folder.resolve(split + "-labels-idx1-ubyte" + suffix), gzip ? gzip(labelFile) : labelFile);
    }
}
