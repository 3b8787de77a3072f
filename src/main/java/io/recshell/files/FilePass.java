package io.recshell.files;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over the files of a delete, group by group (a group is one file and the
 * recordings that point at it). Every kind of pass leaves remote files and refused names
 * alone; what it does with a local, safely named file is its own. Passes are idempotent:
 * what an earlier pass did is recognised and counted, never done twice.
 */
abstract class FilePass implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FilePass.class);

    protected final FileCounts counts = new FileCounts();
    protected final Path dir;
    protected Folder folder;
    protected Quarantine quarantine;
    /** Why DIR or its quarantine cannot be used in this pass; every local file then fails with it. */
    protected String folderProblem;

    /**
     * @param dir the real path of the recordings folder as recorded by the delete, or null
     * @param auditId the delete's audit entry, naming its quarantine folder; null before the delete
     */
    FilePass(Path dir, Long auditId) {
        this.dir = dir;
        if (dir == null) {
            return;
        }
        try {
            Path real = dir.toRealPath();
            if (!real.equals(dir)) {
                folderProblem = dir + " now resolves to " + real + "; recshell acts only in the folder the delete"
                        + " was given";
                return;
            }
            folder = Folder.open(dir);
            if (auditId != null) {
                quarantine = Quarantine.open(folder, auditId);
            }
        } catch (NoSuchFileException e) {
            folderProblem = "the folder " + e.getFile() + " does not exist";
        } catch (IOException e) {
            folderProblem = "cannot use " + dir + ": " + describe(e);
        }
    }

    FileCounts counts() {
        return counts;
    }

    /** Handles one file; returns its status word (as in the manifest). */
    final String apply(FileGroup group) {
        String refusal = group.refusal();
        if (refusal != null) {
            counts.refuse(group, refusal);
            log.warn("{}: refused, {}", group.recordings(), refusal);
            return "refused";
        }
        if (!group.local()) {
            counts.remote++;
            return "remote";
        }
        if (dir == null) {
            counts.listed++;
            return "local";
        }
        if (folderProblem != null) {
            counts.fail(group, folderProblem);
            return "failed";
        }
        try {
            return applyLocal(group, group.name());
        } catch (IOException e) {
            counts.fail(group, describe(e));
            log.warn("{} ({}): {}", group.recordings(), group.name(), describe(e), e);
            return "failed";
        }
    }

    /** Handles a local file with a safe name, in a usable folder. */
    protected abstract String applyLocal(FileGroup group, String name) throws IOException;

    /** Counts an entry that is not a regular file as refused, with where it is and what it is. */
    protected String refuseEntry(FileGroup group, Path where, String name, Entry entry) {
        String reason = where.resolve(name) + " is refused: " + entry.refusal();
        counts.refuse(group, reason);
        log.warn("{}: {}", group.recordings(), reason);
        return "refused";
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        String kind = e.getClass().getSimpleName().replace("Exception", "");
        return message == null ? kind : kind + ": " + message;
    }

    @Override
    public void close() {
        try (Folder f = folder; Quarantine q = quarantine) {
            folder = null;
            quarantine = null;
        } catch (IOException e) {
            log.debug("Closing the folders of a file pass failed", e);
        }
    }
}
