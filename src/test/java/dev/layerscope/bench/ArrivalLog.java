package dev.layerscope.bench;

import java.util.Arrays;

/** The steps of the epoch frames one viewer received, each with its arrival time from {@link System#nanoTime()}. */
final class ArrivalLog {

    private long[] steps = new long[64];
    private long[] arrivalNanos = new long[64];
    private int count;

    void add(long step, long nanos) {
        if (count == steps.length) {
            steps = Arrays.copyOf(steps, count * 2);
            arrivalNanos = Arrays.copyOf(arrivalNanos, count * 2);
        }
        steps[count] = step;
        arrivalNanos[count] = nanos;
        count++;
    }

    /** Appends " step nanos" for every arrival, in order. */
    void appendTo(StringBuilder line) {
        for (int i = 0; i < count; i++) {
            line.append(' ').append(steps[i]).append(' ').append(arrivalNanos[i]);
        }
    }
}
