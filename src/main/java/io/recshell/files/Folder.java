package io.recshell.files;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;

/**
 * An open directory in which recshell acts only on plain names, relative to the open
 * directory itself (openat, fstatat, renameat, unlinkat through {@link SecureDirectoryStream}):
 * a name never resolves outside the directory, symbolic links are never followed, and a
 * directory swapped for a link after it was opened does not redirect anything.
 */
final class Folder implements AutoCloseable {

    private final Path path;
    private final SecureDirectoryStream<Path> stream;

    private Folder(Path path, SecureDirectoryStream<Path> stream) {
        this.path = path;
        this.stream = stream;
    }

    /** Opens a directory given by its real path. */
    static Folder open(Path realPath) throws IOException {
        DirectoryStream<Path> opened = Files.newDirectoryStream(realPath);
        if (!(opened instanceof SecureDirectoryStream<Path> secure)) {
            opened.close();
            throw new IOException("this system offers no safe directory operations (SecureDirectoryStream) for "
                    + realPath);
        }
        return new Folder(realPath, secure);
    }

    Path path() {
        return path;
    }

    /** What is at {@code name} in this folder, without following a symbolic link. */
    Entry stat(String name) throws IOException {
        try {
            return Entry.of(stream.getFileAttributeView(Path.of(name), BasicFileAttributeView.class, NOFOLLOW_LINKS)
                    .readAttributes());
        } catch (NoSuchFileException e) {
            return Entry.ABSENT;
        }
    }

    /**
     * Opens the subfolder {@code name}, creating it (owner-only permissions) if asked. A
     * symbolic link or a file in its place is an error, never followed.
     */
    Folder subfolder(String name, boolean create) throws IOException {
        if (create && stat(name).isAbsent()) {
            try {
                Files.createDirectory(path.resolve(name),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // made meanwhile by another recshell; opened and checked below like any other
            }
        }
        Entry entry = stat(name);
        if (entry.isAbsent()) {
            throw new NoSuchFileException(path.resolve(name).toString());
        }
        if (entry.kind() != Entry.Kind.OTHER) {
            throw new IOException(path.resolve(name) + " is not a directory (" + entry.refusal() + ")");
        }
        SecureDirectoryStream<Path> sub = stream.newDirectoryStream(Path.of(name), NOFOLLOW_LINKS);
        return new Folder(path.resolve(name), sub);
    }

    /**
     * Moves the entry {@code name} into {@code target} under the same name, as one rename. The
     * caller has checked that it is a regular file; an entry already at the target is never
     * replaced.
     */
    void moveInto(String name, Folder target) throws IOException {
        if (!target.stat(name).isAbsent()) {
            throw new FileAlreadyExistsException(target.path.resolve(name).toString());
        }
        stream.move(Path.of(name), target.stream, Path.of(name));
    }

    /** Removes the file {@code name} (a symbolic link would be removed itself, not its target). */
    void delete(String name) throws IOException {
        stream.deleteFile(Path.of(name));
    }

    /** Removes the subfolder {@code name} if it is empty; returns whether it is gone. */
    boolean deleteIfEmpty(String name) throws IOException {
        try {
            stream.deleteDirectory(Path.of(name));
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        } catch (NoSuchFileException e) {
            return true;
        }
    }

    /** The names in this folder, read lazily; may be called once per opened folder. */
    Iterator<Path> names() {
        return stream.iterator();
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
