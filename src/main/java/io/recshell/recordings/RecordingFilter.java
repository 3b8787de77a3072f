package io.recshell.recordings;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.recshell.access.Access;

/**
 * The filters of a find or delete, already checked for syntax. Timestamps are Unix
 * seconds, UTC; both bounds are inclusive, so {@code --date-till 1577836799} covers every
 * recording up to and including 2019-12-31 23:59:59 (fractions of that second included).
 *
 * @param access whom the command acts as; its reach is a condition of every query built
 *               from this filter (see {@link Where#of(RecordingFilter)})
 */
public record RecordingFilter(Long recordingId, Long userId, Long deviceId, Long dateFrom, Long dateTill,
        Access access) {

    public RecordingFilter {
        access = access == null ? Access.FULL : access;
    }

    /** A filter with the DBA's full access. */
    public RecordingFilter(Long recordingId, Long userId, Long deviceId, Long dateFrom, Long dateTill) {
        this(recordingId, userId, deviceId, dateFrom, dateTill, Access.FULL);
    }

    public boolean isEmpty() {
        return recordingId == null && userId == null && deviceId == null && dateFrom == null && dateTill == null;
    }

    public RecordingFilter withUserId(Long value) {
        return new RecordingFilter(recordingId, value, deviceId, dateFrom, dateTill, access);
    }

    /**
     * This filter as the acting user runs it: limited to the user's reach and, for a simple
     * user who named no user and no single recording, with the user's own id implied, as
     * MOR's API does.
     */
    public RecordingFilter actingAs(Access acting) {
        Long implied = acting.impliedUserId();
        Long user = implied != null && userId == null && recordingId == null ? implied : userId;
        return new RecordingFilter(recordingId, user, deviceId, dateFrom, dateTill, acting);
    }

    /** The first instant that is too late, as the platform stores it (UTC, no zone). */
    LocalDateTime tillExclusive() {
        return dateTill == null ? null : LocalDateTime.ofEpochSecond(dateTill + 1, 0, ZoneOffset.UTC);
    }

    LocalDateTime fromInclusive() {
        return dateFrom == null ? null : LocalDateTime.ofEpochSecond(dateFrom, 0, ZoneOffset.UTC);
    }
}
