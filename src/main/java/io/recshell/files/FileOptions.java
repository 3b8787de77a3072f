package io.recshell.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.recshell.shell.RecshellException;

/** Checks of the folder and file options, before anything runs (errors exit 2). */
final class FileOptions {

    private FileOptions() {
    }

    /**
     * The real path of a recordings folder given as an option: it must exist and be a
     * directory, and, where files are to move, be writable.
     */
    static Path recordingsFolder(String option, String raw, boolean writable) {
        Path real;
        try {
            real = Path.of(raw).toRealPath();
        } catch (InvalidPathException e) {
            throw invalid(option, raw, "not a valid path");
        } catch (NoSuchFileException e) {
            throw invalid(option, raw, "no such folder");
        } catch (IOException e) {
            throw invalid(option, raw, FilePass.describe(e));
        }
        if (!Files.isDirectory(real)) {
            throw invalid(option, raw, "not a folder");
        }
        if (!Files.isReadable(real) || writable && !Files.isWritable(real)) {
            throw invalid(option, raw, "recshell may not " + (writable ? "write in" : "read") + " " + real
                    + (writable ? " (files move into " + real.resolve(Quarantine.ROOT) + ")" : ""));
        }
        return real;
    }

    /** The absolute path of a new manifest file: its folder must exist, the file must not. */
    static Path newManifest(String raw) {
        Path path;
        try {
            path = Path.of(raw).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw invalid("--manifest", raw, "not a valid path");
        }
        Path parent = path.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw invalid("--manifest", raw, "its folder does not exist");
        }
        if (!Files.isWritable(parent)) {
            throw invalid("--manifest", raw, "recshell may not write in " + parent);
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw invalid("--manifest", raw, "the file exists, and recshell does not overwrite it; choose a new"
                    + " name (with the date, say)");
        }
        return path;
    }

    private static RecshellException invalid(String option, String raw, String why) {
        return RecshellException.invalid("Invalid " + option + " '" + raw + "': " + why);
    }
}
