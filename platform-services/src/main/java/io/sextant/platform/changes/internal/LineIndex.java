package io.sextant.platform.changes.internal;

import java.util.Arrays;

/** Maps offsets to one-based lines and columns. */
public final class LineIndex {

    private final String source;
    private final int[] lineStarts;

    public LineIndex(String source) {
        this.source = source;
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                if (count == starts.length) starts = Arrays.copyOf(starts, count * 2);
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public String source() {
        return source;
    }

    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }
}
