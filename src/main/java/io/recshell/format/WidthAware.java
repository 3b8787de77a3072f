package io.recshell.format;

/**
 * A writer that knows how wide its display is. Tables written to one are fitted to that
 * width; writers that do not implement this (files, pipes) get tables at full width.
 */
public interface WidthAware {

    /** Columns available for a line, or 0 when there is no limit. */
    int width();
}
