package io.recshell.recordings;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a delete would remove, taken from one consistent snapshot: the count, total size,
 * time span, number of owners, a few sample rows, and the exact ids, which are then the
 * only rows the delete may touch.
 */
public record Preview(long count, long totalBytes, LocalDateTime earliest, LocalDateTime latest, long users,
        List<RecordingRow> samples, long[] ids) {
}
