package io.recshell.db;

/**
 * Published once per process, when recshell's schema is first up to date: the moment for
 * housekeeping that must happen before commands read or write (closing runs whose process
 * died, for one).
 */
public record DatabaseReady() {
}
