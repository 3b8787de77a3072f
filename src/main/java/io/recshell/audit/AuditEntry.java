package io.recshell.audit;

import java.time.Instant;

/**
 * One entry of {@code recshell.audit_log}, as stored.
 *
 * @param filters the filters as canonical JSON text (keys sorted), or "{}"
 * @param runId the delete run this entry accounts for, if it is a delete
 */
public record AuditEntry(long id, Instant at, String action, String command, String filters,
        String actingUser, String osUser, String host, String sshClient, String dbUser, String sessionId,
        String outcome, String message, Long matched, Long deleted, Long deletedBytes, Long runId,
        String prevHash, String hash) {
}
