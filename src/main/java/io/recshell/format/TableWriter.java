package io.recshell.format;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for people. Column widths come from the first rows (up to
 * {@value #MEASURED_ROWS}); later rows are streamed with those widths, so a long listing
 * does not have to be held in memory. A table without rows prints nothing.
 */
public final class TableWriter {

    static final int MEASURED_ROWS = 200;

    private final PrintWriter out;
    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> pending = new ArrayList<>();
    private int[] widths;
    private long rows;

    public TableWriter(PrintWriter out, List<String> headers, boolean[] rightAligned) {
        this.out = out;
        this.headers = headers;
        this.rightAligned = rightAligned;
    }

    public void row(List<String> cells) {
        rows++;
        if (widths != null) {
            print(cells);
            return;
        }
        pending.add(cells);
        if (pending.size() >= MEASURED_ROWS) {
            flushPending();
        }
    }

    /** Prints whatever is still held; returns how many rows were written. */
    public long finish() {
        if (widths == null && !pending.isEmpty()) {
            flushPending();
        }
        out.flush();
        return rows;
    }

    private void flushPending() {
        widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            widths[i] = headers.get(i).length();
        }
        for (List<String> cells : pending) {
            for (int i = 0; i < cells.size(); i++) {
                widths[i] = Math.max(widths[i], cells.get(i).length());
            }
        }
        print(headers);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        print(rule);
        pending.forEach(this::print);
        pending.clear();
    }

    private void print(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            String cell = cells.get(i);
            String padding = " ".repeat(Math.max(0, widths[i] - cell.length()));
            boolean last = i == cells.size() - 1;
            if (rightAligned[i]) {
                line.append(padding).append(cell);
            } else {
                line.append(cell).append(last ? "" : padding);
            }
        }
        out.println(line);
    }
}
