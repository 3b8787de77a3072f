package io.recshell.audit;

/**
 * The first place where the audit chain does not hold.
 *
 * @param entryId the entry that was changed, removed, inserted or moved
 * @param reason what is wrong there, as a sentence for the auditor
 */
public record ChainBreak(long entryId, String reason) {

    /** The sentence {@code audit verify} prints, e.g. "Audit log integrity check failed at entry 3: ...". */
    public String describe() {
        return "Audit log integrity check failed at entry " + entryId + ": " + reason;
    }
}
