package io.recshell;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the log goes, decided before logging starts: a log file that exists and is not a
 * regular file ({@code RECSHELL_LOG=/dev/null}, a FIFO, a terminal) is written to as it is.
 * Rolling it would rename the device itself, so logback-spring.xml selects a plain file
 * appender for it through the {@value #PLAIN_PROFILE} profile.
 */
final class LogFile {

    static final String PLAIN_PROFILE = "plain-log";

    private LogFile() {
    }

    /** The log file that logback-spring.xml will open. */
    static Path of(Map<String, String> env) {
        String named = env.get("RECSHELL_LOG");
        if (named != null && !named.isEmpty()) {
            return Path.of(named);
        }
        return Path.of(System.getProperty("user.home"), ".recshell", "recshell.log");
    }

    /** True when the log file exists and is something other than a regular file or a folder. */
    static boolean isSpecial(Map<String, String> env) {
        try {
            Path file = of(env);
            return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
