package io.recshell.recordings;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds up the matching rows of a dry run as they stream past, in one pass: their ids (in
 * id order), count, total size, time span and owners. One pass over the rows costs less
 * than a list of ids plus an aggregate query with a DISTINCT, and both come from the same
 * snapshot anyway.
 */
final class PreviewTally {

    private final LongList ids = new LongList();
    private final Set<Long> users = new HashSet<>();
    private long count;
    private long bytes;
    private LocalDateTime earliest;
    private LocalDateTime latest;

    void add(long id, long size, LocalDateTime datetime, long userId) {
        ids.add(id);
        count++;
        bytes += size;
        if (earliest == null || datetime.isBefore(earliest)) {
            earliest = datetime;
        }
        if (latest == null || datetime.isAfter(latest)) {
            latest = datetime;
        }
        users.add(userId);
    }

    long count() {
        return count;
    }

    Preview toPreview(List<RecordingRow> samples) {
        return new Preview(count, bytes, earliest, latest, users.size(), samples, ids.toArray());
    }
}
