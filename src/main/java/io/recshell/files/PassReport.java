package io.recshell.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one finished pass did with a delete's files: the counts, and the audit entry that
 * records them.
 *
 * @param kind move, restore or purge
 * @param auditId the delete's audit entry (which names the quarantine)
 * @param auditEntryId this pass's own audit entry
 */
record PassReport(String kind, FileJob job, long auditId, FileCounts counts, long auditEntryId) {

    /** One sentence for the audit log and the output. */
    String message() {
        FileCounts c = counts;
        List<String> parts = new ArrayList<>();
        Path quarantine = job.dir() == null ? null : Quarantine.path(job.dir(), auditId);
        switch (kind) {
            case "move" -> {
                if (job.dir() != null) {
                    String earlier = c.doneBefore == 0 ? "" : "; " + c.doneBefore + " of them by an earlier pass";
                    parts.add((c.done + c.doneBefore) + " moved to quarantine " + quarantine + " ("
                            + FileCounts.bytes(c.bytes) + earlier + ")");
                    parts.add(c.absent + " absent");
                }
                parts.add(c.remote + " remote");
                if (job.dir() != null) {
                    parts.add(c.inUse + " in use by other recordings (left in place)");
                } else {
                    parts.add(c.listed + " local (not moved: no --files)");
                }
            }
            case "restore" -> {
                parts.add(c.done + " moved back into " + job.dir() + " (" + FileCounts.bytes(c.bytes) + ")");
                parts.add(c.doneBefore + " already in place");
                parts.add(c.absent + " absent");
                parts.add(c.remote + " remote");
                parts.add(c.kept + " kept in quarantine (recording not restored)");
            }
            default -> {
                parts.add(c.done + " removed from " + quarantine + " (" + FileCounts.bytes(c.bytes) + " freed)");
                parts.add(c.absent + " absent");
                parts.add(c.kept + " kept (recording restored)");
            }
        }
        parts.add(c.refused + " refused");
        parts.add(c.failed + " failed");
        String manifest = "move".equals(kind) && job.manifest() != null ? "; manifest " + job.manifest() : "";
        return "Files of " + describeDelete() + ": " + String.join(", ", parts) + manifest;
    }

    String describeDelete() {
        return "the delete of audit entry " + auditId;
    }

    /** The refused and failed files worth a line each, and how many more the log file holds. */
    List<String> problemLines() {
        List<String> lines = new ArrayList<>(counts.problems());
        if (counts.problemsNotShown() > 0) {
            lines.add("... and " + counts.problemsNotShown() + " more (all are in the log file)");
        }
        return lines;
    }

    boolean hasProblems() {
        return counts.hasProblems();
    }
}
