package io.recshell.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Removes a delete's quarantined files for good, or (as a dry run) counts what it would
 * remove. A file whose recording is back in {@code recordings} is kept: it belongs in DIR
 * and is moved there by a restore.
 */
final class PurgePass extends FilePass {

    private final boolean dryRun;

    PurgePass(Path dir, long auditId, boolean dryRun) {
        super(dir, auditId);
        this.dryRun = dryRun;
    }

    @Override
    protected String applyLocal(FileGroup group, String name) throws IOException {
        if (group.needed()) {
            counts.kept++;
            return "kept";
        }
        Entry held = quarantine.stat(name);
        if (held.isAbsent()) {
            counts.absent++;
            return "absent";
        }
        if (!held.isRegular()) {
            return refuseEntry(group, quarantine.path(), name, held);
        }
        if (!dryRun) {
            quarantine.folder().delete(name);
        }
        counts.done++;
        counts.bytes += held.size();
        return "purged";
    }

    /** After a real purge: removes the delete's quarantine folder if nothing is left in it. */
    boolean removeEmptyQuarantine() throws IOException {
        return quarantine == null || quarantine.removeIfEmpty();
    }
}
