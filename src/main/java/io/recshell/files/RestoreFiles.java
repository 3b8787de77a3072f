package io.recshell.files;

import java.util.Optional;

import org.springframework.stereotype.Service;

import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;

/**
 * The file side of a restore: once a delete's rows are back in {@code recordings}, moves
 * their quarantined files back into the recordings folder. Used by
 * {@code recordings files restore} and, after it has put the rows back, by
 * {@code recordings restore}.
 */
@Service
public class RestoreFiles {

    private final FilePasses passes;
    private final DeleteFiles deleteFiles;

    public RestoreFiles(FilePasses passes, DeleteFiles deleteFiles) {
        this.passes = passes;
        this.deleteFiles = deleteFiles;
    }

    /**
     * Moves back the files of the delete run's recordings that are back, and prints what it
     * did. Does nothing for a delete made without {@code --files}.
     *
     * @return the pass's one-sentence result, or empty when the delete moved no files
     * @throws RecshellException (exit 1) when files were refused or could not be moved back,
     *         or another recshell is working on the same delete's files
     */
    public Optional<String> afterRestore(long deleteRunId, String command) {
        Optional<FileJob> job = passes.jobOfRun(deleteRunId).filter(found -> found.dir() != null);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(restore(job.get(), command));
    }

    /**
     * For a restore's dry run: where the delete's quarantined files will come back from, or
     * empty when the delete moved no files.
     */
    public Optional<String> plan(long deleteRunId) {
        return passes.jobOfRun(deleteRunId).filter(job -> job.dir() != null && job.auditId() != null)
                .map(job -> "its audio files come back from " + Quarantine.path(job.dir(), job.auditId())
                        + " after the rows (recordings files restore does it alone)");
    }

    /** As {@link #afterRestore}, for the delete that an audit entry names (exit 3 if it moved no files). */
    String restoreOfAuditEntry(long auditId, String command) {
        FileJob job = passes.jobOfAuditEntry(auditId);
        if (job.dir() == null) {
            throw RecshellException.notFound("The delete of audit entry " + auditId + " moved no files (it had"
                    + " --manifest but no --files)");
        }
        return restore(job, command);
    }

    private String restore(FileJob job, String command) {
        PassReport report;
        try (FileLock lock = passes.tryLock(job.runId()).orElseThrow(() -> busy(job))) {
            report = passes.restore(job, command);
        }
        deleteFiles.print(report, "");
        if (report.hasProblems()) {
            throw new RecshellException(ExitCode.FAILURE, report.counts().refused + " files were refused and "
                    + report.counts().failed + " could not be moved back (listed above); refused files are never"
                    + " touched, failed ones can be retried with 'recordings files restore --audit-id "
                    + report.auditId() + "' once the cause is fixed");
        }
        return report.message();
    }

    static RecshellException busy(FileJob job) {
        return new RecshellException(ExitCode.FAILURE, "Another recshell is working on the files of "
                + job.describe() + " right now; try again when it has finished");
    }
}
