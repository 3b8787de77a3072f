package io.recshell.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file part of a delete's dry run: counts the files that would move into quarantine
 * and their bytes on disk, and those absent, remote, still needed or refused. Touches
 * nothing.
 */
final class PlanPass extends FilePass {

    PlanPass(Path dir) {
        super(dir, null);
    }

    @Override
    protected String applyLocal(FileGroup group, String name) throws IOException {
        if (group.needed()) {
            counts.inUse++;
            return "in_use";
        }
        Entry source = folder.stat(name);
        if (source.isRegular()) {
            counts.done++;
            counts.bytes += source.size();
            return "to_move";
        }
        if (source.isAbsent()) {
            counts.absent++;
            return "absent";
        }
        return refuseEntry(group, folder.path(), name, source);
    }
}
