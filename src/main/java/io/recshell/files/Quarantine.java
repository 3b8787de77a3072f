package io.recshell.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The quarantine of one delete: {@code DIR/.recshell-quarantine/<audit id>}, a folder
 * readable by its owner only. It is looked up (never through a symbolic link) when a
 * pass starts and created only when the first file moves in.
 */
final class Quarantine implements AutoCloseable {

    static final String ROOT = ".recshell-quarantine";

    private final Folder dir;
    private final String name;
    private Folder root;
    private Folder folder;

    private Quarantine(Folder dir, long auditId) {
        this.dir = dir;
        this.name = Long.toString(auditId);
    }

    /** Opens the quarantine of a delete if it exists; a link or a file in its place is an error. */
    static Quarantine open(Folder dir, long auditId) throws IOException {
        Quarantine quarantine = new Quarantine(dir, auditId);
        if (!dir.stat(ROOT).isAbsent()) {
            quarantine.root = dir.subfolder(ROOT, false);
            if (!quarantine.root.stat(quarantine.name).isAbsent()) {
                quarantine.folder = quarantine.root.subfolder(quarantine.name, false);
            }
        }
        return quarantine;
    }

    static Path path(Path dir, long auditId) {
        return dir.resolve(ROOT).resolve(Long.toString(auditId));
    }

    Path path() {
        return dir.path().resolve(ROOT).resolve(name);
    }

    boolean exists() {
        return folder != null;
    }

    Entry stat(String file) throws IOException {
        return folder == null ? Entry.ABSENT : folder.stat(file);
    }

    /** The quarantine folder, created if it is not there yet. */
    Folder create() throws IOException {
        if (folder == null) {
            if (root == null) {
                root = dir.subfolder(ROOT, true);
            }
            folder = root.subfolder(name, true);
        }
        return folder;
    }

    /** The folder; only when {@link #exists()}. */
    Folder folder() {
        return folder;
    }

    /** Removes the quarantine folder if nothing is left in it; returns whether it is gone. */
    boolean removeIfEmpty() throws IOException {
        if (folder == null) {
            return true;
        }
        folder.close();
        folder = null;
        return root.deleteIfEmpty(name);
    }

    @Override
    public void close() throws IOException {
        try (Folder f = folder; Folder r = root) {
            folder = null;
            root = null;
        }
    }
}
