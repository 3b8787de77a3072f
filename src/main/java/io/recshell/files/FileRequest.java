package io.recshell.files;

import java.nio.file.Path;

/**
 * What a {@code recordings delete} was asked to do with its recordings' files: the
 * recordings folder of {@code --files DIR} (its real path), the {@code --manifest FILE}, or
 * neither. Once the delete run exists, it also holds the run's {@link FileLock} until the
 * files are accounted for; closing the request releases it.
 */
public final class FileRequest implements AutoCloseable {

    private final Path dir;
    private final Path manifest;
    private Long runId;
    private FileLock lock;

    FileRequest(Path dir, Path manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /** A delete without --files and --manifest: its files are not recshell's business. */
    public boolean isNone() {
        return dir == null && manifest == null;
    }

    Path dir() {
        return dir;
    }

    Path manifest() {
        return manifest;
    }

    Long runId() {
        return runId;
    }

    void started(long run, FileLock held) {
        this.runId = run;
        this.lock = held;
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
            lock = null;
        }
    }
}
