package io.recshell.audit;

import io.recshell.shell.ExitCode;

/** How a command ended, as written into the audit log. */
public enum Outcome {
    OK("ok"),
    DRY_RUN("dry_run"),
    NOT_FOUND("not_found"),
    DENIED("denied"),
    INVALID("invalid"),
    ABORTED("aborted"),
    FAILED("failed"),
    INTERRUPTED("interrupted");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Outcome of(ExitCode code) {
        return switch (code) {
            case OK -> OK;
            case INVALID -> INVALID;
            case NOT_FOUND -> NOT_FOUND;
            case DENIED -> DENIED;
            case ABORTED -> ABORTED;
            default -> FAILED;
        };
    }

    public static Outcome ofLabel(String label) {
        for (Outcome outcome : values()) {
            if (outcome.label.equals(label)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("Unknown outcome " + label);
    }
}
