package io.recshell.files;

import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;

/**
 * What is at a name inside a folder, seen without following symbolic links.
 *
 * @param size bytes on disk of a regular file, 0 otherwise
 * @param modified last modification of the entry, null when absent
 */
record Entry(Kind kind, long size, Instant modified) {

    enum Kind { ABSENT, REGULAR, SYMLINK, OTHER }

    static final Entry ABSENT = new Entry(Kind.ABSENT, 0, null);

    static Entry of(BasicFileAttributes attributes) {
        Kind kind = attributes.isSymbolicLink() ? Kind.SYMLINK
                : attributes.isRegularFile() ? Kind.REGULAR : Kind.OTHER;
        return new Entry(kind, kind == Kind.REGULAR ? attributes.size() : 0,
                attributes.lastModifiedTime().toInstant());
    }

    boolean isRegular() {
        return kind == Kind.REGULAR;
    }

    boolean isAbsent() {
        return kind == Kind.ABSENT;
    }

    /** Why recshell leaves this entry alone, or null for a regular file or nothing. */
    String refusal() {
        return switch (kind) {
            case SYMLINK -> "it is a symbolic link, which recshell does not follow";
            case OTHER -> "it is not a regular file";
            default -> null;
        };
    }
}
