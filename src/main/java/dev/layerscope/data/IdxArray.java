package dev.layerscope.data;

import java.util.Arrays;

/**
 * The content of one IDX file of unsigned bytes: its dimensions (the first is the sample count) and
 * its values in row-major order. The values array is shared, not copied, so callers must not write
 * into it.
 *
 * @param dimensions for example {@code [60000, 28, 28]} for images or {@code [60000]} for labels
 * @param values     {@code product(dimensions)} unsigned bytes; read one with {@code values[i] & 0xFF}
 */
public record IdxArray(int[] dimensions, byte[] values) {

    public IdxArray {
        dimensions = dimensions.clone();
        long size = 1;
        for (int dimension : dimensions) {
            size *= dimension;
        }
        if (dimensions.length == 0 || size != values.length) {
            throw new IllegalArgumentException("dimensions " + Arrays.toString(dimensions) + " do not match "
                    + values.length + " values");
        }
    }

    public int sampleCount() {
        return dimensions[0];
    }

    /** Returns the number of values per sample: the product of every dimension after the first. */
    public int sampleSize() {
        int size = 1;
        for (int i = 1; i < dimensions.length; i++) {
            size *= dimensions[i];
        }
        return size;
    }

    /** Returns the dimensions of one sample, for example {@code [28, 28]}; empty for labels. */
    public int[] sampleShape() {
        return Arrays.copyOfRange(dimensions, 1, dimensions.length);
    }

    @Override
    public int[] dimensions() {
        return dimensions.clone();
    }
}
