package io.recshell.files;

import java.nio.file.Path;
import java.time.Instant;

/**
 * What a delete run was asked to do with its recordings' files ({@code recshell.file_job}).
 *
 * @param dir the real path of the recordings folder, or null when only a manifest was asked for
 * @param manifest where to write the manifest, or null
 * @param auditId the delete's audit entry, which names the quarantine folder; null until known
 */
record FileJob(long runId, Path dir, Path manifest, Long auditId, String state, Instant finishedAt) {

    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String PURGED = "purged";

    /** "the delete of audit entry 12" or, before the entry is known, "delete run 7". */
    String describe() {
        return auditId == null ? "delete run " + runId : "the delete of audit entry " + auditId;
    }
}
