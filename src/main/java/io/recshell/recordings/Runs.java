package io.recshell.recordings;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.recshell.audit.AuditEntry;
import io.recshell.audit.AuditTrail;
import io.recshell.audit.Outcome;
import io.recshell.audit.PendingEntry;
import io.recshell.db.DatabaseErrors;
import io.recshell.db.PinnedSession;
import io.recshell.format.Values;
import io.recshell.shell.CommandInterrupter;
import io.recshell.shell.CommandRunner;
import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;
import io.recshell.shell.ShellOutput;

/**
 * The life of a delete or restore run on its pinned session: start (the run row and its
 * session lock), batches (each one transaction that does its rows and writes its own audit
 * entry), and the closing audit entry, written exactly once, in the transaction that marks
 * the run closed. A run whose batches fail is closed as failed with what its committed
 * batches did, and the failure is raised as a {@link RecshellException}.
 */
@Component
class Runs {

    /** SQLSTATE deadlock_detected: the batch is rolled back and may simply run again. */
    private static final String DEADLOCK = "40P01";
    private static final int DEADLOCK_RETRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(Runs.class);

    private final RunRepository poolRuns;
    private final AuditTrail audit;
    private final TransactionTemplate poolTransactions;
    private final BatchSettings settings;
    private final ShellOutput output;
    private final CommandInterrupter interrupter;

    Runs(RunRepository poolRuns, AuditTrail audit, TransactionTemplate poolTransactions, BatchSettings settings,
            ShellOutput output, CommandInterrupter interrupter) {
        this.interrupter = interrupter;
        this.poolRuns = poolRuns;
        this.audit = audit;
        this.poolTransactions = poolTransactions;
        this.settings = settings;
        this.output = output;
    }

    /**
     * One batch of work, inside the batch's transaction: up to {@code size} rows with ids
     * above {@code afterId} (the last id of the last committed batch), or null when nothing
     * is left. It keeps no position of its own, so a batch rolled back can run again.
     */
    interface Batch {
        ArchiveRepository.Handled next(int size, long afterId);
    }

    /** What a run's committed batches added up to, and the last id they covered. */
    record Totals(long batches, long considered, long done, long bytes, long lastId) {

        static Totals none() {
            return new Totals(0, 0, 0, 0, Long.MIN_VALUE);
        }

        Totals plus(ArchiveRepository.Handled batch) {
            return new Totals(batches + 1, considered + batch.considered(), done + batch.done(),
                    bytes + batch.bytes(), batch.lastId());
        }
    }

    /** Creates the run and takes its lock, in a transaction of its own. */
    long start(PinnedSession session, NewRun run) {
        long id = session.transactions().execute(status -> RunRepository.on(session.dataSource()).start(run));
        log.info("run {} started: {} of {} rows ({})", id, run.kind().label(), run.matched(), run.command());
        return id;
    }

    /**
     * Runs batches until {@code work} has nothing left. Each batch's audit entry is a copy of
     * {@code entry} (command, filters, acting user) with the batch's own counts.
     */
    Totals batches(PinnedSession session, long runId, RunKind kind, PendingEntry entry, long total, Batch work) {
        BatchSizer sizer = new BatchSizer(settings);
        Totals totals = Totals.none();
        String what = kind == RunKind.DELETE ? "deleting" : "restoring";
        try (RunProgress progress = RunProgress.start(what, runId, total, settings.logEverySeconds(),
                output.isTerminal() ? output.out() : null)) {
            while (true) {
                if (interrupter.requested()) {
                    throw RecshellException.aborted("Interrupted (Ctrl-C) before batch " + (totals.batches() + 1)
                            + ".");
                }
                int size = sizer.next();
                long started = System.nanoTime();
                ArchiveRepository.Handled batch = batchWithRetry(session, runId, kind, entry, totals, size, work);
                if (batch == null) {
                    return totals;
                }
                long took = System.nanoTime() - started;
                if (took > 2_500_000L * settings.targetMillis()) {
                    log.info("run {}: batch {} of {} rows took {} ms (target {} ms)", runId, totals.batches() + 1,
                            batch.considered(), took / 1_000_000, settings.targetMillis());
                }
                sizer.observe((int) batch.considered(), took);
                totals = totals.plus(batch);
                progress.advance(batch.considered(), batch.done(), size, took);
            }
        } catch (RuntimeException e) {
            RecshellException failure = failRun(session, runId, kind, entry, totals, e);
            release(session, runId);
            throw failure;
        }
    }

    /**
     * Closes the run: in one transaction, {@code finish} fills in the closing entry (its
     * outcome, message and counts), the entry is written and the run marked closed. If that
     * fails, the run is closed as failed instead, as when a batch fails.
     */
    AuditEntry close(PinnedSession session, long runId, RunKind kind, PendingEntry entry, Totals totals,
            Consumer<PendingEntry> finish) {
        pauseForTests();
        try {
            return session.transactions().execute(status -> closeIn(RunRepository.on(session.dataSource()), runId,
                    () -> {
                        finish.accept(entry);
                        return audit.appendOn(session.dataSource(), entry);
                    }));
        } catch (RuntimeException e) {
            throw failRun(session, runId, kind, entry, totals, e);
        } finally {
            release(session, runId);
        }
    }

    /** Lets go of the run's lock; the pool gets the connection back without it. */
    void release(PinnedSession session, long runId) {
        try {
            RunRepository.on(session.dataSource()).release(runId);
        } catch (DataAccessException e) {
            log.debug("Could not release the lock of run {}; it goes with the session", runId, e);
        }
    }

    private ArchiveRepository.Handled batchWithRetry(PinnedSession session, long runId, RunKind kind,
            PendingEntry entry, Totals totals, int size, Batch work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return session.transactions().execute(status -> batch(session, runId, kind, entry, totals, size,
                        work));
            } catch (DataAccessException e) {
                if (!DEADLOCK.equals(DatabaseErrors.sqlState(e)) || attempt > DEADLOCK_RETRIES) {
                    throw e;
                }
                log.warn("run {}: batch {} was chosen as a deadlock victim; running it again", runId,
                        totals.batches() + 1);
            }
        }
    }

    private ArchiveRepository.Handled batch(PinnedSession session, long runId, RunKind kind, PendingEntry entry,
            Totals totals, int size, Batch work) {
        RunRepository runRows = RunRepository.on(session.dataSource());
        runRows.commitBatchAsynchronously();
        if (!runRows.isOpenForBatch(runId)) {
            throw new RecshellException(ExitCode.FAILURE, "Run " + runId + " was closed by another session"
                    + " (its process was taken for dead); stopped before batch " + (totals.batches() + 1) + ".");
        }
        ArchiveRepository.Handled batch = work.next(size, totals.lastId());
        if (batch == null) {
            return null;
        }
        pauseForTests();
        PendingEntry batchEntry = copyOf(entry, kind.batchAction()).runId(runId)
                .matched(batch.considered()).deleted(batch.done(), batch.bytes());
        batchEntry.outcome(Outcome.OK, "batch " + (totals.batches() + 1) + " of run " + runId + ": "
                + Values.count(batch.done(), "recording") + " " + (kind == RunKind.DELETE ? "deleted" : "restored")
                + " of " + batch.considered() + ", up to id " + batch.lastId());
        audit.appendOn(session.dataSource(), batchEntry);
        return batch;
    }

    private RecshellException failRun(PinnedSession session, long runId, RunKind kind, PendingEntry entry,
            Totals totals, RuntimeException e) {
        RecshellException failure = asFailure(e);
        String message = failure.getMessage() + " " + doneSoFar(kind, totals);
        entry.runId(runId).deleted(totals.done(), totals.bytes()).outcome(Outcome.of(failure.exitCode()), message);
        AuditEntry written = closeAfterFailure(session, runId, entry);
        return new RecshellException(failure.exitCode(), written == null ? message
                : message + " Audit entry " + written.id() + ".", e);
    }

    private static String doneSoFar(RunKind kind, Totals totals) {
        if (totals.done() == 0) {
            return "Nothing was " + past(kind) + ".";
        }
        String batches = totals.batches() + (totals.batches() == 1 ? " earlier batch" : " earlier batches");
        String done = Values.count(totals.done(), "recording") + (totals.done() == 1 ? " was " : " were ")
                + past(kind) + " in " + batches;
        return kind == RunKind.DELETE
                ? done + " and archived; recordings restore --audit-id with this entry's id puts them back."
                : done + ".";
    }

    /** Closes the run as failed: on its own session if it still works, else on another. */
    private AuditEntry closeAfterFailure(PinnedSession session, long runId, PendingEntry entry) {
        try {
            return session.transactions().execute(status -> closeIn(RunRepository.on(session.dataSource()), runId,
                    () -> audit.appendOn(session.dataSource(), entry)));
        } catch (RuntimeException onSession) {
            log.warn("run {}: could not close the run on its own session ({}); trying another connection", runId,
                    DatabaseErrors.rootMessage(onSession));
            try {
                return poolTransactions.execute(status -> closeIn(poolRuns, runId,
                        () -> audit.appendInCurrentTransaction(entry)));
            } catch (RuntimeException onPool) {
                log.error("run {}: could not close the run; it will show as interrupted", runId, onPool);
                return null;
            }
        }
    }

    private static AuditEntry closeIn(RunRepository runs, long runId, Supplier<AuditEntry> append) {
        if (!runs.close(runId)) {
            throw new RecshellException(ExitCode.FAILURE, "Run " + runId + " was already closed by another"
                    + " session (taken for interrupted); see audit list --action delete.");
        }
        return append.get();
    }

    private static RecshellException asFailure(RuntimeException e) {
        if (!(e instanceof RecshellException)) {
            log.error("Failure during a run", e);
        }
        return CommandRunner.asRecshellException(e);
    }

    private static PendingEntry copyOf(PendingEntry entry, String action) {
        PendingEntry copy = new PendingEntry(action, entry.command()).actingUser(entry.actingUser());
        entry.filters().forEach(copy::filter);
        return copy;
    }

    private static String past(RunKind kind) {
        return kind == RunKind.DELETE ? "deleted" : "restored";
    }

    private void pauseForTests() {
        if (settings.pauseMillis() <= 0) {
            return;
        }
        try {
            Thread.sleep(settings.pauseMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
