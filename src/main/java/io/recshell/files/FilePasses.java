package io.recshell.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.recshell.audit.AuditEntry;
import io.recshell.audit.AuditTrail;
import io.recshell.audit.Outcome;
import io.recshell.audit.PendingEntry;
import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;

/**
 * The steps of every pass over a delete's files: find the job, read its rows into a spool
 * in one short read, start the pass, let the pass act file by file with no transaction
 * open, then write its counts, its state and its own audit entry in one transaction.
 */
@Service
public class FilePasses {

    private static final Logger log = LoggerFactory.getLogger(FilePasses.class);

    private final FileJobRepository jobs;
    private final AuditTrail audit;
    private final DataSource dataSource;
    private final TransactionTemplate readSnapshot;
    private final TransactionTemplate readWrite;

    public FilePasses(FileJobRepository jobs, AuditTrail audit, DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.jobs = jobs;
        this.audit = audit;
        this.dataSource = dataSource;
        this.readSnapshot = new TransactionTemplate(transactions);
        this.readSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readSnapshot.setReadOnly(true);
        this.readWrite = new TransactionTemplate(transactions);
    }

    /** The file part of a delete's dry run over the previewed recording ids. */
    FileCounts plan(Path dir, long[] ids) {
        try (Spool spool = Spool.create(); PlanPass pass = new PlanPass(dir)) {
            readSnapshot.executeWithoutResult(status -> jobs.spoolPreview(ids, spool));
            spool.forEachGroup(pass::apply);
            return pass.counts();
        }
    }

    /** Records what a starting delete run is to do with its files (in the run's transaction). */
    void recordJob(long runId, Path dir, Path manifest) {
        jobs.insertJob(runId, dir, manifest);
    }

    Optional<FileLock> tryLock(long runId) {
        return FileLock.tryLock(dataSource, runId);
    }

    /**
     * Moves a run's files into quarantine and writes its manifest; the caller holds the
     * run's lock. Empty when the run's delete has no audit entry yet (still running).
     */
    Optional<PassReport> move(long runId, String command) {
        FileJob job = jobs.job(runId).orElseThrow(() -> new IllegalStateException("No file job for run " + runId));
        Optional<Long> auditId = auditIdOf(job);
        if (auditId.isEmpty()) {
            return Optional.empty();
        }
        long passId = jobs.startPass(runId, "move");
        try (Spool spool = spoolRun(runId); MovePass pass = new MovePass(job.dir(), auditId.get())) {
            if (job.manifest() == null) {
                spool.forEachGroup(pass::apply);
            } else {
                writeWithManifest(spool, pass, job.manifest());
            }
            return Optional.of(finish(job, auditId.get(), passId, "move", pass.counts(), command));
        }
    }

    /** Moves back the quarantined files of recordings that are in {@code recordings} again. */
    PassReport restore(FileJob job, String command) {
        long auditId = auditIdOf(job).orElseThrow(() -> noAuditEntry(job));
        long passId = jobs.startPass(job.runId(), "restore");
        try (Spool spool = spoolRun(job.runId()); RestorePass pass = new RestorePass(job.dir(), auditId)) {
            spool.forEachGroup(pass::apply);
            return finish(job, auditId, passId, "restore", pass.counts(), command);
        }
    }

    /** Counts what purging a job's quarantine would remove, touching nothing. */
    FileCounts purgePlan(FileJob job) {
        try (Spool spool = spoolRun(job.runId()); PurgePass pass = new PurgePass(job.dir(), job.auditId(), true)) {
            spool.forEachGroup(pass::apply);
            return pass.counts();
        }
    }

    /** Removes a job's quarantined files for good; the caller holds the run's lock. */
    PassReport purge(FileJob job, String command) {
        long passId = jobs.startPass(job.runId(), "purge");
        try (Spool spool = spoolRun(job.runId()); PurgePass pass = new PurgePass(job.dir(), job.auditId(), false)) {
            spool.forEachGroup(pass::apply);
            if (!pass.counts().hasProblems()) {
                pass.removeEmptyQuarantine();
            }
            return finish(job, job.auditId(), passId, "purge", pass.counts(), command);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the empty quarantine folder of " + job.describe(), e);
        }
    }

    /**
     * Finishes the moves of earlier deletes that no live recshell owns (their process
     * ended before their files were accounted for), oldest first.
     */
    List<PassReport> finishAbandoned(long exceptRunId, String command) {
        List<PassReport> reports = new ArrayList<>();
        for (long runId : jobs.pendingRuns()) {
            if (runId == exceptRunId) {
                continue;
            }
            Optional<FileLock> lock = tryLock(runId);
            if (lock.isEmpty()) {
                log.debug("file job of run {} is owned by a running recshell; left to it", runId);
                continue;
            }
            try (FileLock held = lock.get()) {
                move(runId, command).ifPresent(reports::add);
            }
        }
        return reports;
    }

    /**
     * The job of a delete named by any audit entry of its run (normally the delete's own).
     *
     * @throws RecshellException not found (exit 3) for an unknown entry or a delete without files
     */
    FileJob jobOfAuditEntry(long auditId) {
        long runId = jobs.runOfAuditEntry(auditId)
                .orElseThrow(() -> RecshellException.notFound("Audit entry " + auditId + " was not found"));
        if (runId < 0) {
            throw RecshellException.invalid("Audit entry " + auditId + " belongs to no delete");
        }
        return jobs.job(runId).orElseThrow(() -> RecshellException.notFound("The delete of audit entry " + auditId
                + " was run without --files or --manifest: recshell did not handle its files"));
    }

    Optional<FileJob> jobOfRun(long runId) {
        return jobs.job(runId);
    }

    List<FileJob> purgeCandidates(int days, Path dir) {
        return jobs.purgeCandidates(days, dir);
    }

    long pendingCount(Path dir) {
        return jobs.pendingCount(dir);
    }

    private Optional<Long> auditIdOf(FileJob job) {
        if (job.auditId() != null) {
            return Optional.of(job.auditId());
        }
        Optional<Long> found = jobs.deleteAuditId(job.runId());
        found.ifPresent(id -> jobs.setAuditId(job.runId(), id));
        return found;
    }

    private Spool spoolRun(long runId) {
        Spool spool = Spool.create();
        try {
            readSnapshot.executeWithoutResult(status -> jobs.spoolRun(runId, spool));
            return spool;
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    private static void writeWithManifest(Spool spool, MovePass pass, Path target) {
        try (Manifest manifest = Manifest.open(target)) {
            spool.forEachGroup(group -> manifest.write(group, pass.apply(group)));
            String problem = manifest.commit();
            if (problem != null) {
                pass.counts().failManifest(target, problem);
            }
        }
    }

    private PassReport finish(FileJob job, long auditId, long passId, String kind, FileCounts counts,
            String command) {
        PassReport unsigned = new PassReport(kind, job, auditId, counts, 0);
        PendingEntry entry = new PendingEntry("files_" + kind, command).runId(job.runId())
                .filter("audit_id", auditId).filter("dir", job.dir() == null ? null : job.dir().toString())
                .filter("manifest", job.manifest() == null ? null : job.manifest().toString())
                .matched(counts.files());
        if ("purge".equals(kind)) {
            entry.deleted(counts.done, counts.bytes);
        }
        entry.outcome(counts.hasProblems() ? Outcome.FAILED : Outcome.OK, unsigned.message());
        long entryId = readWrite.execute(status -> {
            AuditEntry written = audit.appendInCurrentTransaction(entry);
            jobs.finishPass(passId, counts, written.id());
            if ("move".equals(kind)) {
                jobs.setMoveState(job.runId(), counts.failed == 0);
            } else if ("purge".equals(kind) && counts.failed == 0 && counts.kept == 0) {
                jobs.setPurged(job.runId());
            }
            return written.id();
        });
        log.info("file pass {} of run {}: {} (audit entry {})", kind, job.runId(), unsigned.message(), entryId);
        return new PassReport(kind, job, auditId, counts, entryId);
    }

    private static RecshellException noAuditEntry(FileJob job) {
        return new RecshellException(ExitCode.FAILURE, "The delete of run " + job.runId()
                + " has no audit entry yet (it is still running, or was interrupted and not yet marked)");
    }
}

