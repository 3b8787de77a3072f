package io.recshell.recordings;

/** What a run does, with the audit actions of its batches and of its closing entry. */
enum RunKind {
    DELETE("delete", "delete_batch"),
    RESTORE("restore", "restore_batch");

    private final String label;
    private final String batchAction;

    RunKind(String label, String batchAction) {
        this.label = label;
        this.batchAction = batchAction;
    }

    /** As stored in delete_run.kind, and the action of the run's closing audit entry. */
    String label() {
        return label;
    }

    String batchAction() {
        return batchAction;
    }

    static RunKind of(String label) {
        for (RunKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown run kind " + label);
    }
}
