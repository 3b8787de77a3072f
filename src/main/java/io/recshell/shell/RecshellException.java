package io.recshell.shell;

/**
 * A failure the user must see: carries the exit code from SPEC.md and a message
 * that says what failed and, where it helps, what to do.
 */
public class RecshellException extends RuntimeException {

    private final ExitCode exitCode;

    public RecshellException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public RecshellException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public static RecshellException invalid(String message) {
        return new RecshellException(ExitCode.INVALID, message);
    }

    public static RecshellException notFound(String message) {
        return new RecshellException(ExitCode.NOT_FOUND, message);
    }

    public static RecshellException denied() {
        return new RecshellException(ExitCode.DENIED, "Access Denied");
    }

    public static RecshellException aborted(String message) {
        return new RecshellException(ExitCode.ABORTED, message);
    }
}
