package io.recshell.recordings;

import java.time.Instant;

/**
 * What a restore would do, from its dry run: the delete run named by an audit entry, how
 * many rows it archived (and their size), and how many of them exist in recordings again
 * and will be skipped.
 */
public record RestorePlan(long auditId, long runId, Instant deletedAt, String deleteCommand, long archived,
        long bytes, long present, RunRepository.Run run) {

    public long toRestore() {
        return archived - present;
    }
}
