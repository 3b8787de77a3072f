package io.recshell.format;

import java.util.function.Function;

/**
 * One column of a listing: its name, its raw value for CSV and JSON (numbers stay
 * numbers, times are ISO-8601 UTC), and the text people see in a table.
 */
public record Column<T>(String name, Function<T, Object> raw, Function<T, String> human, boolean rightAligned) {

    /** A column that shows the raw value as text in tables too. */
    public static <T> Column<T> of(String name, Function<T, Object> raw) {
        return new Column<>(name, raw, row -> text(raw.apply(row)), false);
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
