package io.recshell.recordings;

import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.recshell.audit.AuditEntry;
import io.recshell.audit.AuditRepository;
import io.recshell.audit.AuditTrail;
import io.recshell.audit.Outcome;
import io.recshell.audit.PendingEntry;
import io.recshell.db.PinnedSession;
import io.recshell.format.Values;
import io.recshell.shell.RecshellException;

/**
 * The steps of {@code recordings restore}: find the delete run an audit entry names, count
 * what its archive holds, then put its rows back in batches (each its own transaction and
 * audit entry), skipping ids that exist in recordings again.
 */
@Service
public class RestoreService {

    private static final Set<String> DELETE_ACTIONS = Set.of("delete", "delete_batch");
    private static final Logger log = LoggerFactory.getLogger(RestoreService.class);

    private final AuditRepository auditLog;
    private final RunRepository runRepository;
    private final ArchiveRepository archive;
    private final AuditTrail audit;
    private final Runs runs;
    private final DataSource dataSource;

    public RestoreService(AuditRepository auditLog, RunRepository runRepository, ArchiveRepository archive,
            AuditTrail audit, Runs runs, DataSource dataSource) {
        this.auditLog = auditLog;
        this.runRepository = runRepository;
        this.archive = archive;
        this.audit = audit;
        this.runs = runs;
        this.dataSource = dataSource;
    }

    /** The dry run: which delete the audit entry names, and what its archive holds. */
    public RestorePlan plan(long auditId) {
        AuditEntry deleteEntry = auditLog.find(auditId)
                .orElseThrow(() -> RecshellException.notFound("Audit entry " + auditId + " was not found"));
        if (deleteEntry.runId() == null || !DELETE_ACTIONS.contains(deleteEntry.action())) {
            throw RecshellException.invalid("Audit entry " + auditId + " is a " + deleteEntry.action() + " entry ("
                    + deleteEntry.outcome() + ") that deleted nothing; give the id of a delete's entry (see audit"
                    + " list --action delete)");
        }
        RunRepository.Run run = runRepository.find(deleteEntry.runId()).orElseThrow(() ->
                RecshellException.notFound("Run " + deleteEntry.runId() + " of audit entry " + auditId
                        + " was not found"));
        if (runRepository.open().stream().anyMatch(open -> open.id() == run.id())) {
            throw RecshellException.invalid("Run " + run.id() + " of audit entry " + auditId + " is still deleting"
                    + " (session " + run.sessionId() + "); restore it when it has finished");
        }
        ArchiveRepository.RestoreCounts counts = archive.restoreCounts(run);
        if (counts.archived() == 0) {
            throw RecshellException.notFound("Run " + run.id() + " of audit entry " + auditId
                    + " deleted no recordings; there is nothing to restore");
        }
        return new RestorePlan(auditId, run.id(), run.startedAt(), run.command(), counts.archived(), counts.bytes(),
                counts.present(), run);
    }

    /**
     * Puts the run's archived rows back in batches, skipping ids that exist again, and writes
     * the closing audit entry ({@code entry}).
     */
    public RestoreResult restore(RestorePlan plan, PendingEntry entry) {
        try (PinnedSession session = PinnedSession.open(dataSource)) {
            ArchiveRepository onSession = ArchiveRepository.on(session.dataSource());
            long runId = runs.start(session, new NewRun(RunKind.RESTORE, plan.runId(), audit.operator(),
                    entry.command(), audit.filtersJson(entry), entry.actingUser(), plan.archived(),
                    plan.run().archiveTable()));
            Runs.Totals totals = runs.batches(session, runId, RunKind.RESTORE, entry, plan.archived(),
                    (size, afterId) -> {
                        ArchiveRepository.Handled batch = onSession.restoreNext(plan.run(), afterId, size);
                        return batch.considered() == 0 ? null : batch;
                    });
            long skipped = totals.considered() - totals.done();
            String message = describe(totals.done(), totals.bytes(), skipped, plan.runId());
            AuditEntry written = runs.close(session, runId, RunKind.RESTORE, entry, totals, closingEntry -> {
                closingEntry.runId(runId).matched(plan.archived()).deleted(totals.done(), totals.bytes());
                closingEntry.outcome(Outcome.OK, message);
            });
            log.info("run {} restored {} recordings of run {} ({} skipped), audit entry {}", runId, totals.done(),
                    plan.runId(), skipped, written.id());
            return new RestoreResult(totals.done(), totals.bytes(), skipped, plan.runId(), runId, written.id(),
                    message);
        }
    }

    static String describe(long restored, long bytes, long skipped, long deleteRunId) {
        StringBuilder b = new StringBuilder("Restored ").append(Values.count(restored, "recording"))
                .append(" (").append(Values.humanBytes(bytes)).append(", ").append(bytes).append(" bytes)")
                .append(" deleted by run ").append(deleteRunId);
        if (skipped > 0) {
            b.append("; ").append(Values.count(skipped, "recording")).append(skipped == 1 ? " was" : " were")
                    .append(" skipped because ").append(skipped == 1 ? "its id exists" : "their ids exist")
                    .append(" in recordings again");
        }
        return b.toString();
    }
}
