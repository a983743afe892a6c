package dev.layerscope.bench;

import java.util.Arrays;

/** Latency samples in milliseconds, appended by one thread and read after that thread is done. */
final class LatencyRecorder {

    private double[] values = new double[64];
    private int count;

    synchronized void add(double millis) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = millis;
    }

    synchronized double[] values() {
        return Arrays.copyOf(values, count);
    }
}
