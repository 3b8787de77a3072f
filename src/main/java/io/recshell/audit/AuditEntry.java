package io.recshell.audit;

import java.time.Instant;

/**
 * One entry of {@code recshell.audit_log}, as stored.
 *
 * @param filters the filters as canonical JSON text (keys sorted), or "{}"
 * @param runId the delete run this entry accounts for, if it is a delete
 * @param prevHash the hash of the entry before it ({@link AuditHasher#GENESIS} for the first)
 * @param hash SHA-256 of this entry's canonical encoding, see {@link AuditHasher}
 */
public record AuditEntry(long id, Instant at, String action, String command, String filters,
        String actingUser, String osUser, String host, String sshClient, String dbUser, String sessionId,
        String outcome, String message, Long matched, Long deleted, Long deletedBytes, Long runId,
        String prevHash, String hash) {

    /** The same entry under another id (to ask whether it was written at another position). */
    public AuditEntry withId(long otherId) {
        return new AuditEntry(otherId, at, action, command, filters, actingUser, osUser, host, sshClient, dbUser,
                sessionId, outcome, message, matched, deleted, deletedBytes, runId, prevHash, hash);
    }

    public AuditEntry withHash(String newHash) {
        return new AuditEntry(id, at, action, command, filters, actingUser, osUser, host, sshClient, dbUser,
                sessionId, outcome, message, matched, deleted, deletedBytes, runId, prevHash, newHash);
    }
}
