package io.recshell.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Moves quarantined files back into DIR for the recordings that are in {@code recordings}
 * again. A file whose recording is not back stays in quarantine; a file already back (or
 * never moved, because another recording needed it) is counted as in place.
 */
final class RestorePass extends FilePass {

    RestorePass(Path dir, long auditId) {
        super(dir, auditId);
    }

    @Override
    protected String applyLocal(FileGroup group, String name) throws IOException {
        if (!group.needed()) {
            counts.kept++;
            return "kept";
        }
        Entry held = quarantine.stat(name);
        Entry target = folder.stat(name);
        if (!held.isAbsent() && !held.isRegular()) {
            return refuseEntry(group, quarantine.path(), name, held);
        }
        if (!target.isAbsent() && !target.isRegular()) {
            return refuseEntry(group, folder.path(), name, target);
        }
        if (held.isRegular() && target.isAbsent()) {
            quarantine.folder().moveInto(name, folder);
            counts.done++;
            counts.bytes += held.size();
            return "restored";
        }
        if (held.isRegular()) {
            counts.fail(group, "a file named " + name + " is both in " + folder.path() + " and in "
                    + quarantine.path() + "; both are left as they are");
            return "failed";
        }
        if (target.isRegular()) {
            counts.doneBefore++;
            counts.bytes += target.size();
            return "in_place";
        }
        counts.absent++;
        return "absent";
    }
}
