package io.recshell.recordings;

/**
 * What a restore did.
 *
 * @param restored rows put back into recordings
 * @param skipped archived rows left alone because their id exists in recordings again
 * @param deleteRunId the delete run whose rows came back (its archive keeps them too)
 * @param restoreRunId the restore's own run; its batch entries carry it
 * @param auditId the restore's closing audit entry
 */
public record RestoreResult(long restored, long bytes, long skipped, long deleteRunId, long restoreRunId,
        long auditId, String message) {
}
