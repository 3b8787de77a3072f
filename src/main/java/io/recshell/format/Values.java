package io.recshell.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times and sizes read: ISO-8601 UTC times, binary-prefixed sizes for people. */
public final class Values {

    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private Values() {
    }

    /** A platform datetime (UTC without zone) as ISO-8601 UTC, e.g. 2019-12-31T23:59:59Z. */
    public static String utc(LocalDateTime datetime) {
        return datetime == null ? "" : ISO_SECONDS.format(datetime);
    }

    public static String utc(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    public static long unixSeconds(LocalDateTime datetime) {
        return datetime.toEpochSecond(ZoneOffset.UTC);
    }

    /** 1536 -> "1.5 KiB"; exact below 1 KiB. */
    public static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** "1 recording", "2 recordings". */
    public static String count(long n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }
}
