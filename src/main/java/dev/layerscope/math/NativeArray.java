package dev.layerscope.math;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * A fixed-length array of doubles in native memory: a direct {@link DoubleBuffer} in the platform's
 * byte order. {@link Blas} hands it to OpenBLAS by address, where Smile's binding copies every
 * {@code double[]} argument into native memory and back on each call. Indexed access uses the
 * buffer's absolute {@code get} and {@code put}. {@code LoopBench} in the test sources compares loops over
 * both kinds of array.
 *
 * <p>Not thread-safe. The native memory counts against the JVM's direct-memory limit
 * ({@code -XX:MaxDirectMemorySize}, by default the maximum heap size), not against the heap. It is
 * released only when the garbage collector reclaims the array. When an allocation would pass the limit,
 * the JDK runs a full collection and retries before it throws {@code OutOfMemoryError}.
 * NOTE: {@code -XX:+DisableExplicitGC} turns that collection off, and then dropped arrays can exhaust
 * the limit. NativeMemoryReuseTest covers the default case.
 */
public final class NativeArray {

    private final DoubleBuffer buffer;
    private final int length;

    /** Allocates {@code length} zeros. */
    public NativeArray(int length) {
        if (length < 0 || length > Integer.MAX_VALUE / Double.BYTES) {
            throw new IllegalArgumentException("length must be 0 to " + Integer.MAX_VALUE / Double.BYTES + ", got " + length);
        }
        this.length = length;
        buffer = ByteBuffer.allocateDirect(length * Double.BYTES).order(ByteOrder.nativeOrder()).asDoubleBuffer();
    }

    /** Returns a new array holding a copy of {@code values}. */
    public static NativeArray of(double... values) {
        NativeArray array = new NativeArray(values.length);
        array.copyFrom(values, 0, 0, values.length);
        return array;
    }

    public int length() {
        return length;
    }

    public double get(int index) {
        return buffer.get(index);
    }

    public void set(int index, double value) {
        buffer.put(index, value);
    }

    /** Sets every element to {@code value}. */
    public void fill(double value) {
        for (int i = 0; i < length; i++) {
            buffer.put(i, value);
        }
    }

    /** Copies {@code count} values from {@code source[sourceOffset..]} into this array at {@code offset}. */
    public void copyFrom(double[] source, int sourceOffset, int offset, int count) {
        buffer.put(offset, source, sourceOffset, count);
    }

    /** Copies all of {@code source}, which must have this array's length. */
    public void copyFrom(double[] source) {
        requireLength(source.length);
        copyFrom(source, 0, 0, length);
    }

    /** Copies the first {@code count} values of {@code source} into the start of this array. */
    public void copyFrom(NativeArray source, int count) {
        DoubleBuffer from = source.buffer.duplicate().limit(count);
        buffer.put(0, from, 0, count);
    }

    /** Copies {@code count} values from {@code offset} into {@code target[targetOffset..]}. */
    public void copyTo(int offset, double[] target, int targetOffset, int count) {
        buffer.get(offset, target, targetOffset, count);
    }

    /** Returns a new {@code double[]} holding the first {@code count} values. */
    public double[] toArray(int count) {
        double[] copy = new double[count];
        copyTo(0, copy, 0, count);
        return copy;
    }

    /** Returns a new {@code double[]} holding every value. */
    public double[] toArray() {
        return toArray(length);
    }

    private void requireLength(int sourceLength) {
        if (sourceLength != length) {
            throw new IllegalArgumentException("source has " + sourceLength + " values, this array " + length);
        }
    }

    /** Returns the backing buffer (position 0, limit {@link #length}) for BLAS calls in this package. */
    DoubleBuffer buffer() {
        return buffer;
    }
}
