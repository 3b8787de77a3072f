package io.recshell.format;

import java.util.function.Function;

/**
 * One column of a listing: its name, its raw value for CSV and JSON (numbers stay
 * numbers, times are ISO-8601 UTC), and the text people see in a table. Only a
 * {@code shortenable} column (free text such as a path or a command) may be cut short to
 * fit a table to the terminal; ids, times, numbers and names never are.
 */
public record Column<T>(String name, Function<T, Object> raw, Function<T, String> human, boolean rightAligned,
        boolean shortenable) {

    public Column(String name, Function<T, Object> raw, Function<T, String> human, boolean rightAligned) {
        this(name, raw, human, rightAligned, false);
    }

    /** A column that shows the raw value as text in tables too. */
    public static <T> Column<T> of(String name, Function<T, Object> raw) {
        return new Column<>(name, raw, row -> text(raw.apply(row)), false);
    }

    /** Free text that a table on a narrow terminal may shorten (it ends in "..." then). */
    public static <T> Column<T> text(String name, Function<T, Object> raw) {
        return new Column<>(name, raw, row -> text(raw.apply(row)), false, true);
    }

    public static <T> Column<T> number(String name, Function<T, Object> raw) {
        return new Column<>(name, raw, row -> text(raw.apply(row)), true);
    }

    public static <T> Column<T> number(String name, Function<T, Object> raw, Function<T, String> human) {
        return new Column<>(name, raw, human, true);
    }

    static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
