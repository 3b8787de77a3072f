package io.recshell.recordings;

import io.recshell.format.Values;

/**
 * What a delete did.
 *
 * @param auditId the delete's closing audit entry, which {@code recordings restore --audit-id} takes
 * @param runId the delete run: its archived rows and batch entries carry it
 * @param vanished previewed recordings that were gone or no longer matched when deleting
 * @param leftAlone recordings that began to match after the preview and were not touched
 */
public record DeleteResult(long deleted, long bytes, long vanished, long leftAlone, long auditId, long runId,
        String message) {

    static String describe(long deleted, long bytes, long previewed, long leftAlone) {
        StringBuilder b = new StringBuilder("Deleted ").append(Values.count(deleted, "recording"))
                .append(" (").append(Values.humanBytes(bytes)).append(", ").append(bytes).append(" bytes)");
        if (previewed != deleted) {
            b.append("; ").append(previewed - deleted)
                    .append(" of the previewed recordings were already gone or no longer matched");
        }
        if (leftAlone > 0) {
            b.append("; ").append(Values.count(leftAlone, "recording"))
                    .append(" that began to match after the preview ")
                    .append(leftAlone == 1 ? "was" : "were").append(" left alone");
        }
        return b.toString();
    }
}
