package io.recshell.recordings;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds up the matching rows of a dry run as they stream past, in one pass: their ids (in
 * id order), count, total size and owners; the time span is added from one query. One pass
 * over the rows costs less than a list of ids plus an aggregate query with a DISTINCT.
 */
final class PreviewTally {

    private final LongList ids = new LongList();
    private final Set<Long> users = new HashSet<>();
    private long count;
    private long bytes;
    private LocalDateTime earliest;
    private LocalDateTime latest;
    private long lastUser;

    void add(long id, long size, long userId) {
        ids.add(id);
        count++;
        bytes += size;
        if (users.isEmpty() || userId != lastUser) {
            users.add(userId);
            lastUser = userId;
        }
    }

    void span(LocalDateTime first, LocalDateTime last) {
        this.earliest = first;
        this.latest = last;
    }

    long count() {
        return count;
    }

    Preview toPreview(List<RecordingRow> samples) {
        return new Preview(count, bytes, earliest, latest, users.size(), samples, ids.toArray());
    }
}
