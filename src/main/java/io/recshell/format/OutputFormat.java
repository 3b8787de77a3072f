package io.recshell.format;

import java.util.Locale;

import io.recshell.shell.RecshellException;

/** How a listing is printed: aligned columns for people, CSV or JSON for programs. */
public enum OutputFormat {
    TABLE, CSV, JSON;

    public static OutputFormat parse(String raw) {
        if (raw == null) {
            return TABLE;
        }
        try {
            return valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RecshellException.invalid("Invalid --format '" + raw + "': use table, csv or json");
        }
    }
}
