package io.recshell.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Moves the local files of deleted recordings into the delete's quarantine, after the
 * rows are gone. A file that is in quarantine and no longer in DIR was moved by an earlier
 * pass (the one a crash cut short); a file still needed by a recording stays where it is.
 */
final class MovePass extends FilePass {

    MovePass(Path dir, long auditId) {
        super(dir, auditId);
    }

    @Override
    protected String applyLocal(FileGroup group, String name) throws IOException {
        if (group.needed()) {
            counts.inUse++;
            return "in_use";
        }
        Entry source = folder.stat(name);
        Entry held = quarantine.stat(name);
        if (!held.isAbsent() && !held.isRegular()) {
            return refuseEntry(group, quarantine.path(), name, held);
        }
        switch (source.kind()) {
            case ABSENT -> {
                if (held.isRegular()) {
                    counts.doneBefore++;
                    counts.bytes += held.size();
                    return "quarantined";
                }
                counts.absent++;
                return "absent";
            }
            case REGULAR -> {
                if (held.isRegular()) {
                    counts.fail(group, "a file named " + name + " is already in " + quarantine.path()
                            + "; both are left as they are");
                    return "failed";
                }
                folder.moveInto(name, quarantine.create());
                counts.done++;
                counts.bytes += source.size();
                return "quarantined";
            }
            default -> {
                return refuseEntry(group, folder.path(), name, source);
            }
        }
    }
}
