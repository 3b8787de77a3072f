package io.recshell.recordings;

import io.recshell.access.Access;
import io.recshell.shell.RecshellException;

/**
 * Turns the option values as typed into a {@link RecordingFilter}, with the rules of MOR's
 * {@code recordings_delete}. Every error names the option and the value, and nothing runs.
 */
public final class FilterValidator {

    /** 9999-12-31 23:59:59 UTC: beyond it a value is surely not Unix seconds. */
    public static final long MAX_UNIX_SECONDS = 253_402_300_799L;

    private FilterValidator() {
    }

    /** Parses the five filters and checks their combination (see {@link #checkForDelete}). */
    public static RecordingFilter parse(String recordingId, String userId, String deviceId, String dateFrom,
            String dateTill) {
        RecordingFilter filter = values(recordingId, userId, deviceId, dateFrom, dateTill);
        checkCombinations(filter);
        return filter;
    }

    /**
     * Parses the five filters' values only. Their combination is checked by
     * {@link #actingAs} once the acting user is known, because a simple user's id is implied.
     */
    public static RecordingFilter values(String recordingId, String userId, String deviceId, String dateFrom,
            String dateTill) {
        return new RecordingFilter(id("--recording-id", recordingId), id("--user-id", userId),
                id("--device-id", deviceId), unixSeconds("--date-from", dateFrom),
                unixSeconds("--date-till", dateTill));
    }

    /** The typed filters as the acting user runs them, checked against the combination rules. */
    public static RecordingFilter actingAs(RecordingFilter typed, Access access) {
        RecordingFilter filter = typed.actingAs(access);
        checkCombinations(filter);
        return filter;
    }

    /** The rule only delete has: at least one filter. */
    public static void checkForDelete(RecordingFilter filter) {
        if (filter.isEmpty()) {
            throw RecshellException.invalid("At least one filter must be present");
        }
    }

    public static void checkCombinations(RecordingFilter filter) {
        if (filter.recordingId() != null && (filter.userId() != null || filter.deviceId() != null
                || filter.dateFrom() != null || filter.dateTill() != null)) {
            throw RecshellException.invalid("recording_id cannot be combined with other filters");
        }
        if (filter.deviceId() != null && filter.userId() == null) {
            throw RecshellException.invalid("s_user_id must be present");
        }
        if (filter.dateFrom() != null && filter.dateTill() != null && filter.dateFrom() > filter.dateTill()) {
            throw RecshellException.invalid("Date from is greater than date till");
        }
    }

    /** A non-negative whole number that fits a bigint. */
    public static Long id(String option, String raw) {
        if (raw == null) {
            return null;
        }
        long value = wholeNumber(option, raw);
        if (value < 0) {
            throw RecshellException.invalid("Invalid " + option + " '" + raw + "': must not be negative");
        }
        return value;
    }

    /** Unix seconds between 1970 and 9999; a millisecond value gets a hint. */
    public static Long unixSeconds(String option, String raw) {
        if (raw == null) {
            return null;
        }
        long value = wholeNumber(option, raw);
        if (value < 0) {
            throw RecshellException.invalid("Invalid " + option + " '" + raw
                    + "': must not be negative (Unix seconds since 1970-01-01 UTC)");
        }
        if (value > MAX_UNIX_SECONDS) {
            String hint = value / 1000 <= MAX_UNIX_SECONDS
                    ? " It looks like milliseconds; in seconds that is " + (value / 1000) + "."
                    : "";
            throw RecshellException.invalid("Invalid " + option + " '" + raw
                    + "': out of range for Unix seconds (0 to " + MAX_UNIX_SECONDS + ")." + hint);
        }
        return value;
    }

    /** A whole number (digits with an optional sign) that fits a long. */
    public static long wholeNumber(String option, String raw) {
        if (!raw.matches("[+-]?\\d+")) {
            throw RecshellException.invalid("Invalid " + option + " '" + raw + "': not a whole number");
        }
        try {
            return Long.parseLong(raw.startsWith("+") ? raw.substring(1) : raw);
        } catch (NumberFormatException e) {
            throw RecshellException.invalid("Invalid " + option + " '" + raw + "': out of range (at most "
                    + Long.MAX_VALUE + ")");
        }
    }
}
