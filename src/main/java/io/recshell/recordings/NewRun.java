package io.recshell.recordings;

import io.recshell.audit.Operator;

/**
 * A run about to start: who starts it, with which command and filters, how many rows it
 * means to handle, and where its rows are archived (a delete) or come from (a restore).
 */
record NewRun(RunKind kind, Long restoresRun, Operator operator, String command, String filtersJson,
        String actingUser, long matched, String archiveTable) {
}
