package io.recshell.format;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Aligned columns for people. Column widths come from the first rows (up to
 * {@value #MEASURED_ROWS}); later rows are streamed with those widths, so a long listing
 * does not have to be held in memory. A table without rows prints nothing.
 *
 * <p>On a display of known width ({@link WidthAware}), a table that would be wider is
 * narrowed by shortening its widest shortenable columns (free text, never ids, times or
 * numbers), whose long cells then end in {@value #ELLIPSIS}. Output to a pipe or file is never shortened.
 */
public final class TableWriter {

    static final int MEASURED_ROWS = 200;
    static final String ELLIPSIS = "...";
    private static final int NARROWEST_TEXT = 8;
    private static final String GAP = "  ";

    private final PrintWriter out;
    private final List<String> headers;
    private final boolean[] rightAligned;
    private final boolean[] shortenable;
    private final List<List<String>> pending = new ArrayList<>();
    private int[] widths;
    private long rows;

    /**
     * @param shortenable per column: whether it may be cut short to fit the display
     */
    public TableWriter(PrintWriter out, List<String> headers, boolean[] rightAligned, boolean[] shortenable) {
        this.out = out;
        this.headers = headers;
        this.rightAligned = rightAligned;
        this.shortenable = shortenable;
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
        fitTo(out instanceof WidthAware display ? display.width() : 0);
        print(headers);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        print(rule);
        pending.forEach(this::print);
        pending.clear();
    }

    /**
     * Narrows the widest shortenable columns, one character at a time, until the table
     * fits or they are down to {@value #NARROWEST_TEXT} characters (or their header).
     */
    void fitTo(int maxWidth) {
        if (maxWidth <= 0) {
            return;
        }
        int total = GAP.length() * (widths.length - 1);
        for (int width : widths) {
            total += width;
        }
        while (total > maxWidth) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                boolean shrinkable = shortenable[i] && widths[i] > Math.max(NARROWEST_TEXT, headers.get(i).length());
                if (shrinkable && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return;
            }
            widths[widest]--;
            total--;
        }
    }

    private String fitted(String cell, int width) {
        if (cell.length() <= width) {
            return cell;
        }
        return cell.substring(0, Math.max(0, width - ELLIPSIS.length())) + ELLIPSIS;
    }

    private void print(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(GAP);
            }
            String cell = shortenable[i] ? fitted(cells.get(i), widths[i]) : cells.get(i);
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
