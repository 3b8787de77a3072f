package io.recshell.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manifest of a delete's files: one line per deleted recording, tab-separated, after a
 * header line {@code recording_id local status file}. {@code file} is the file's name in the
 * recordings folder of its server ({@code local} 1: this host, 0: the recordings server),
 * empty for a refused name, which is never written out. The manifest is written to a
 * temporary file beside FILE and renamed into place when complete, so a reader never sees
 * half a manifest. A write error does not stop the pass: it is kept, and reported as the
 * manifest's failure, so that a later pass writes the manifest again.
 */
final class Manifest implements AutoCloseable {

    static final String HEADER = "recording_id\tlocal\tstatus\tfile";

    private static final Logger log = LoggerFactory.getLogger(Manifest.class);

    private final Path target;
    private final Path part;
    private BufferedWriter out;
    private String problem;

    private Manifest(Path target) {
        this.target = target;
        this.part = target.resolveSibling(target.getFileName() + ".recshell-part");
        try {
            out = Files.newBufferedWriter(part, StandardCharsets.UTF_8);
            out.write(HEADER);
            out.newLine();
        } catch (IOException e) {
            fail(e);
        }
    }

    static Manifest open(Path target) {
        return new Manifest(target);
    }

    void write(FileGroup group, String status) {
        if (problem != null) {
            return;
        }
        String file = group.refusal() == null ? group.name() : "";
        try {
            for (long id : group.recordingIds()) {
                out.write(id + "\t" + (group.local() ? 1 : 0) + "\t" + status + "\t" + file);
                out.newLine();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    /** Puts the complete manifest in place of FILE; returns why it could not, or null. */
    String commit() {
        if (problem == null) {
            try {
                out.close();
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                fail(e);
            }
        }
        return problem;
    }

    private void fail(IOException e) {
        problem = FilePass.describe(e);
        log.warn("manifest {} could not be written", target, e);
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            Files.deleteIfExists(part);
        } catch (IOException e) {
            log.warn("could not remove the unfinished manifest {}", part, e);
        }
    }
}
