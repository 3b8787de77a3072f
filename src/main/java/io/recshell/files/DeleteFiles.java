package io.recshell.files;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import io.recshell.audit.AuditTrail;
import io.recshell.db.DatabaseErrors;
import io.recshell.format.Values;
import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;
import io.recshell.shell.ShellOutput;

/**
 * The file side of {@code recordings delete --files DIR --manifest FILE}, in the order the
 * delete calls it: check the options, add the files to the dry run, record the job when the
 * run starts, and, once the rows' deletion has committed, move the files, write the
 * manifest and append the pass's audit entry; then finish the moves of earlier deletes
 * whose process ended too soon.
 */
@Service
public class DeleteFiles {

    private static final Logger log = LoggerFactory.getLogger(DeleteFiles.class);

    private final FilePasses passes;
    private final AuditTrail audit;
    private final ShellOutput output;

    public DeleteFiles(FilePasses passes, AuditTrail audit, ShellOutput output) {
        this.passes = passes;
        this.audit = audit;
        this.output = output;
    }

    /** Checks {@code --files} and {@code --manifest} (either may be null) before anything runs. */
    public FileRequest request(String files, String manifest) {
        if (files == null && manifest == null) {
            return new FileRequest(null, null);
        }
        FileRequest request = new FileRequest(
                files == null ? null : FileOptions.recordingsFolder("--files", files, true),
                manifest == null ? null : FileOptions.newManifest(manifest));
        audit.current().filter("files", request.dir() == null ? null : request.dir().toString())
                .filter("manifest", request.manifest() == null ? null : request.manifest().toString());
        return request;
    }

    /** Prints the file part of the dry run for the previewed recordings. */
    public void printDryRun(FileRequest request, long[] ids) {
        if (request.isNone()) {
            return;
        }
        FileCounts plan = passes.plan(request.dir(), ids);
        PrintWriter out = output.out();
        if (request.dir() == null) {
            out.println("Would list the files of " + Values.count(ids.length, "recording") + " in the manifest "
                    + request.manifest() + " (" + plan.listed + " local, " + plan.remote + " remote, "
                    + plan.refused + " refused); no file moves without --files");
        } else {
            out.println("Would move " + Values.count(plan.done, "file") + " into quarantine ("
                    + Values.humanBytes(plan.bytes) + ", " + plan.bytes + " bytes on disk) under "
                    + request.dir().resolve(Quarantine.ROOT));
            out.println("  " + plan.absent + " absent, " + plan.remote + " remote (local = 0), " + plan.inUse
                    + " in use by other recordings (left in place), " + plan.refused + " refused");
            if (request.manifest() != null) {
                out.println("  manifest: " + request.manifest() + ", one line per recording, written after the delete");
            }
        }
        plan.problems().forEach(problem -> out.println("  " + problem));
        if (plan.problemsNotShown() > 0) {
            out.println("  ... and " + plan.problemsNotShown() + " more refused");
        }
        out.flush();
    }

    /**
     * Called by the delete once its run exists, before its first row is deleted, inside a
     * transaction that commits no later than the first deleted row: records the job and
     * takes the run's lock, so no other recshell takes the job for an abandoned one.
     */
    public void runStarted(FileRequest request, long runId) {
        if (request.isNone()) {
            return;
        }
        passes.recordJob(runId, request.dir(), request.manifest());
        FileLock lock = passes.tryLock(runId).orElseThrow(() -> new IllegalStateException(
                "The file lock of the new delete run " + runId + " is held by another session"));
        request.started(runId, lock);
    }

    /**
     * After the delete committed: moves its files (and writes its manifest), prints the
     * result, then finishes earlier deletes' unfinished moves.
     *
     * @throws RecshellException (exit 1) when files of this delete were refused or failed to move
     */
    public void afterDelete(FileRequest request, String command) {
        if (request.isNone() || request.runId() == null) {
            return;
        }
        Optional<PassReport> own;
        try {
            own = passes.move(request.runId(), command);
        } catch (RuntimeException e) {
            throw movesFailed(request.runId(), e);
        }
        own.ifPresent(report -> print(report, ""));
        finishEarlierDeletes(request.runId(), command);
        if (own.isPresent() && own.get().hasProblems()) {
            FileCounts counts = own.get().counts();
            throw new RecshellException(ExitCode.FAILURE, "The recordings are deleted and archived, but "
                    + counts.refused + " of their files were refused and " + counts.failed + " failed (listed"
                    + " above). Refused files are never touched: see to them by hand. For failed ones, fix the"
                    + " cause, then run 'recordings files resume --audit-id " + own.get().auditId() + "'.");
        }
    }

    private void finishEarlierDeletes(long ownRunId, String command) {
        try {
            List<PassReport> earlier = passes.finishAbandoned(ownRunId, command);
            earlier.forEach(report -> print(report, "Finished earlier: "));
        } catch (RuntimeException e) {
            log.error("Finishing the file moves of earlier deletes failed", e);
            output.notice("warning: finishing the file moves of earlier deletes failed: "
                    + DatabaseErrors.rootMessage(e) + "; run 'recordings files resume' to retry");
        }
    }

    void print(PassReport report, String prefix) {
        PrintWriter out = output.out();
        out.println(prefix + report.message() + ". Audit entry " + report.auditEntryId() + ".");
        report.problemLines().forEach(line -> out.println("  " + line));
        out.flush();
    }

    private static RecshellException movesFailed(long runId, RuntimeException e) {
        log.error("Moving the files of run {} failed", runId, e);
        String hint = "; the recordings are deleted and archived, and their files wait: run 'recordings files"
                + " resume' when the cause is fixed";
        if (e instanceof RecshellException r) {
            return new RecshellException(r.exitCode(), r.getMessage() + hint, r);
        }
        if (e instanceof DataAccessException d) {
            RecshellException translated = DatabaseErrors.translate(d);
            return new RecshellException(translated.exitCode(), translated.getMessage() + hint, e);
        }
        return new RecshellException(ExitCode.FAILURE, "Moving the files failed: " + DatabaseErrors.rootMessage(e)
                + hint, e);
    }
}
