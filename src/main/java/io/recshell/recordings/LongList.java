package io.recshell.recordings;

import java.util.Arrays;

/** A growable array of longs: eight bytes an id, where a List of Long would take about 24. */
final class LongList {

    private long[] values = new long[1024];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size++] = value;
    }

    long[] toArray() {
        return Arrays.copyOf(values, size);
    }
}
