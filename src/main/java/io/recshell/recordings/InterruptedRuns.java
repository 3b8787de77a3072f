package io.recshell.recordings;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.recshell.audit.AuditEntry;
import io.recshell.audit.AuditTrail;
import io.recshell.audit.Operator;
import io.recshell.audit.Outcome;
import io.recshell.audit.PendingEntry;
import io.recshell.db.DatabaseReady;
import io.recshell.format.Values;

/**
 * Closes the runs whose process died (killed, crashed, lost its connection) with an
 * {@code interrupted} audit entry, when recshell first reaches the database. A run is
 * abandoned when no session holds its advisory lock any more; the entry is written in the
 * run's name (its operator, command and filters), counts what its committed batches did,
 * and is written once however many processes look at the same moment.
 */
@Component
class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final RunRepository runs;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    InterruptedRuns(RunRepository runs, AuditTrail audit, TransactionTemplate transactions) {
        this.runs = runs;
        this.audit = audit;
        this.transactions = transactions;
    }

    @EventListener
    void onDatabaseReady(DatabaseReady ready) {
        try {
            closeAbandoned();
        } catch (RuntimeException e) {
            log.warn("Could not check for interrupted runs; the next start tries again", e);
        }
    }

    /** Writes an interrupted entry for every open run whose process is gone; returns how many. */
    int closeAbandoned() {
        List<RunRepository.Run> open = runs.open();
        int closed = 0;
        for (RunRepository.Run run : open) {
            AuditEntry written = transactions.execute(status -> closeIfAbandoned(run));
            if (written != null) {
                closed++;
                log.warn("run {} ({}) was interrupted: audit entry {} closes it", run.id(), run.kind().label(),
                        written.id());
            }
        }
        return closed;
    }

    private AuditEntry closeIfAbandoned(RunRepository.Run run) {
        if (!runs.lockIfAbandoned(run.id()) || !runs.close(run.id())) {
            return null;
        }
        RunRepository.BatchTotals totals = runs.batchTotals(run.id(), run.kind().batchAction());
        PendingEntry entry = new PendingEntry(run.kind().label(), run.command()).actingUser(run.actingUser())
                .runId(run.id()).matched(run.matched()).deleted(totals.rows(), totals.bytes());
        entry.outcome(Outcome.INTERRUPTED, message(run, totals));
        Operator runOperator = new Operator(run.osUser() == null ? "unknown" : run.osUser(),
                run.host() == null ? "unknown" : run.host(), run.sshClient(), run.sessionId());
        return audit.appendOnBehalf(runOperator, run.filtersJson(), entry);
    }

    private String message(RunRepository.Run run, RunRepository.BatchTotals totals) {
        String process = "The process of run " + run.id() + " (session " + run.sessionId() + ", backend pid "
                + run.backendPid() + ") ended after " + totals.batches()
                + (totals.batches() == 1 ? " committed batch: " : " committed batches: ");
        String found = " Found by " + audit.operator().osUser() + "@" + audit.operator().host() + ".";
        if (run.kind() == RunKind.DELETE) {
            return process + totals.rows() + " of " + Values.count(run.matched(), "previewed recording")
                    + " deleted and archived (" + Values.humanBytes(totals.bytes()) + "); the rest are untouched."
                    + " recordings restore --audit-id with this entry's id puts the deleted ones back." + found;
        }
        return process + totals.rows() + " of " + Values.count(run.matched(), "archived recording")
                + " of run " + run.restoresRun() + " restored. Run the restore again to finish it." + found;
    }
}
