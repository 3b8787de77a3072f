package io.recshell.shell;

/**
 * Process exit codes, as promised in SPEC.md section 5.
 */
public enum ExitCode {
    OK(0),
    FAILURE(1),
    INVALID(2),
    NOT_FOUND(3),
    DENIED(4),
    ABORTED(5),
    DATABASE(6),
    AUDIT_INTEGRITY(7);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
