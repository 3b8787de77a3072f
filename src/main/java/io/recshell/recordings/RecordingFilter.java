package io.recshell.recordings;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The filters of a find or delete, already checked for syntax. Timestamps are Unix
 * seconds, UTC; both bounds are inclusive, so {@code --date-till 1577836799} covers every
 * recording up to and including 2019-12-31 23:59:59 (fractions of that second included).
 */
public record RecordingFilter(Long recordingId, Long userId, Long deviceId, Long dateFrom, Long dateTill) {

    public boolean isEmpty() {
        return recordingId == null && userId == null && deviceId == null && dateFrom == null && dateTill == null;
    }

    public RecordingFilter withUserId(Long value) {
        return new RecordingFilter(recordingId, value, deviceId, dateFrom, dateTill);
    }

    /** The first instant that is too late, as the platform stores it (UTC, no zone). */
    LocalDateTime tillExclusive() {
        return dateTill == null ? null : LocalDateTime.ofEpochSecond(dateTill + 1, 0, ZoneOffset.UTC);
    }

    LocalDateTime fromInclusive() {
        return dateFrom == null ? null : LocalDateTime.ofEpochSecond(dateFrom, 0, ZoneOffset.UTC);
    }
}
