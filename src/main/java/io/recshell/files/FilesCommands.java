package io.recshell.files;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.recshell.audit.AuditTrail;
import io.recshell.audit.Outcome;
import io.recshell.audit.PendingEntry;
import io.recshell.db.DatabaseGate;
import io.recshell.format.Column;
import io.recshell.format.Listing;
import io.recshell.format.OutputFormat;
import io.recshell.format.Values;
import io.recshell.recordings.FilterValidator;
import io.recshell.shell.Audited;
import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;
import io.recshell.shell.Session;
import io.recshell.shell.ShellOutput;

/**
 * The commands of the audio files of recordings: resuming and restoring a delete's file
 * moves, purging quarantines, and the orphan report. See docs/audio-files.md.
 */
@Component
public class FilesCommands {

    static final String GROUP = "Recordings";

    /** The longest --older-than recshell takes: a hundred years. */
    private static final long MAX_DAYS = 36_500;

    private final FilePasses passes;
    private final OrphanReport orphans;
    private final DeleteFiles deleteFiles;
    private final RestoreFiles restoreFiles;
    private final DatabaseGate gate;
    private final AuditTrail audit;
    private final ShellOutput output;
    private final Session session;

    public FilesCommands(FilePasses passes, OrphanReport orphans, DeleteFiles deleteFiles, RestoreFiles restoreFiles,
            DatabaseGate gate, AuditTrail audit, ShellOutput output, Session session) {
        this.restoreFiles = restoreFiles;
        this.passes = passes;
        this.orphans = orphans;
        this.deleteFiles = deleteFiles;
        this.gate = gate;
        this.audit = audit;
        this.output = output;
        this.session = session;
    }

    @Audited(value = "files_resume", also = "files_move")
    @Command(name = {"recordings", "files", "resume"}, group = GROUP,
            description = "Finish moving the files of deletes whose process ended before their files moved",
            help = """
                    With --audit-id, the delete of that audit entry (its files are looked at again even
                    if they were all accounted for: a file already in quarantine counts as moved);
                    without it, every delete whose moves are unfinished and that no running recshell
                    owns. Each delete gets a files_move audit entry with its counts.""")
    public void resume(@Option(longName = "audit-id", description = "the delete's audit entry") String auditId) {
        PendingEntry entry = audit.current();
        Long id = FilterValidator.id("--audit-id", auditId);
        entry.filter("audit_id", id);
        gate.ready();

        List<PassReport> reports = new ArrayList<>();
        if (id == null) {
            reports.addAll(passes.finishAbandoned(-1, entry.command()));
        } else {
            FileJob job = passes.jobOfAuditEntry(id);
            if (FileJob.PURGED.equals(job.state())) {
                entry.outcome(Outcome.OK, "The files of " + job.describe() + " were purged; nothing to resume");
                output.println(entry.message() + ".");
                return;
            }
            try (FileLock lock = lockOf(job)) {
                reports.add(passes.move(job.runId(), entry.command()).orElseThrow(() -> new RecshellException(
                        ExitCode.FAILURE, "The delete of audit entry " + id + " has no delete audit entry of its"
                        + " run yet; its files wait")));
            }
        }
        reports.forEach(report -> deleteFiles.print(report, ""));
        String message = reports.isEmpty() ? "No delete has unfinished file moves"
                : "Looked at the files of " + Values.count(reports.size(), "delete");
        entry.matched(reports.size()).outcome(Outcome.OK, message);
        if (reports.isEmpty()) {
            output.println(message + ".");
        }
        failOnProblems(reports, "could not be moved");
    }

    @Audited("files_restore")
    @Command(name = {"recordings", "files", "restore"}, group = GROUP,
            description = "Move a delete's quarantined files back, for the recordings that are back",
            help = """
                    Moves the files in DIR/.recshell-quarantine/ID back into DIR for every recording of
                    that delete that is in the recordings table again (restore the rows first). Files of
                    recordings that are not back stay in quarantine. Safe to run again.""")
    public void restore(@Option(longName = "audit-id", description = "the delete's audit entry") String auditId) {
        PendingEntry entry = audit.current();
        if (auditId == null) {
            throw RecshellException.invalid("--audit-id is required: the audit entry of the delete whose files"
                    + " to move back");
        }
        long id = FilterValidator.id("--audit-id", auditId);
        entry.filter("audit_id", id);
        gate.ready();

        entry.outcome(Outcome.OK, restoreFiles.restoreOfAuditEntry(id, entry.command()));
    }

    @Audited(value = "purge_files", also = "files_purge")
    @Command(name = {"recordings", "purge-files"}, group = GROUP,
            description = "Remove quarantined audio files for good, after a dry run and a confirmation",
            help = """
                    Removes the quarantined files of deletes whose files were moved at least DAYS days
                    ago (all folders, or only DIR's). A file whose recording is back in the recordings
                    table is kept. Like a delete: the dry run first; on a terminal you type the number
                    of files; without one, --yes or --expect N. Deletes with unfinished moves are left
                    alone (resume them first).""")
    public void purgeFiles(@Option(longName = "older-than", description = "moved at least this many days ago")
            String olderThan,
            @Option(longName = "dir", description = "only quarantines of this recordings folder") String dir,
            @Option(longName = "dry-run", description = "only show what would be removed") boolean dryRun,
            @Option(longName = "yes", description = "remove without asking") boolean yes,
            @Option(longName = "expect", description = "remove only if exactly N files would go") String expect) {
        PendingEntry entry = audit.current();
        int days = days(olderThan);
        Path folder = dir == null ? null : FileOptions.recordingsFolder("--dir", dir, true);
        Long expected = FilterValidator.id("--expect", expect);
        entry.filter("older_than_days", days).filter("dir", folder == null ? null : folder.toString())
                .filter("expect", expected);
        gate.ready();

        List<FileJob> jobs = passes.purgeCandidates(days, folder);
        FileCounts plan = printPurgePlan(jobs, days);
        entry.matched(plan.done);
        if (dryRun) {
            entry.outcome(Outcome.DRY_RUN, "Would remove " + Values.count(plan.done, "quarantined file"));
            return;
        }
        if (jobs.isEmpty()) {
            entry.outcome(Outcome.OK, "No quarantined files older than " + Values.count(days, "day"));
            return;
        }
        if (plan.done > 0) {
            confirm(plan.done, yes, expected);
        }
        List<PassReport> reports = purge(jobs, entry.command());
        long removed = reports.stream().mapToLong(r -> r.counts().done).sum();
        long freed = reports.stream().mapToLong(r -> r.counts().bytes).sum();
        String message = "Removed " + Values.count(removed, "quarantined file") + " (" + FileCounts.bytes(freed)
                + " freed)";
        entry.deleted(removed, freed).outcome(Outcome.OK, message);
        output.println(message + ".");
        failOnProblems(reports, "could not be removed");
    }

    @Audited("orphans")
    @Command(name = {"recordings", "orphans"}, group = GROUP,
            description = "List files without a recording and local recordings without a file",
            help = """
                    Compares DIR's <uniqueid>.mp3 files with the recordings whose local is 1, by a sorted
                    merge in bounded memory (millions of files are fine). Kinds:
                      file_without_recording   a file no local recording points at
                      recording_without_file   a local recording whose file is not in DIR
                      not_a_regular_file       a symbolic link, folder or other entry with such a name
                    Subfolders (the quarantine among them) and other names are not looked at; nothing
                    is changed. The counts follow the rows (table) or go to standard error (csv, json).""")
    public void orphans(@Option(longName = "dir", description = "the recordings folder") String dir,
            @Option(longName = "format", description = "table, csv or json", defaultValue = "table") String format) {
        PendingEntry entry = audit.current();
        if (dir == null) {
            throw RecshellException.invalid("--dir is required: the recordings folder to compare with the database");
        }
        Path folder = FileOptions.recordingsFolder("--dir", dir, false);
        OutputFormat outputFormat = OutputFormat.parse(format);
        entry.filter("dir", folder.toString());
        gate.ready();

        Map<String, Object> header = new LinkedHashMap<>();
        header.put("dir", folder.toString());
        OrphanReport.Summary summary;
        try (Listing<Orphan> listing = Listing.open(outputFormat, output.out(), orphanColumns(), header,
                "orphans")) {
            summary = orphans.report(folder, listing::add);
        }
        String message = summary.filesWithoutRecording() + " files without a recording, "
                + summary.recordingsWithoutFile() + " local recordings without a file, " + summary.notRegular()
                + " not regular files; " + summary.files() + " files and " + summary.recordings()
                + " local recordings compared";
        entry.matched(summary.orphans()).outcome(Outcome.OK, message);
        if (outputFormat == OutputFormat.TABLE) {
            output.println(message + " (" + summary.skipped() + " other entries in " + folder + " skipped).");
        } else {
            output.notice(message + ".");
        }
    }

    private FileCounts printPurgePlan(List<FileJob> jobs, int days) {
        FileCounts total = new FileCounts();
        PrintWriter out = output.out();
        List<String> lines = new ArrayList<>();
        for (FileJob job : jobs) {
            FileCounts counts = passes.purgePlan(job);
            total.done += counts.done;
            total.bytes += counts.bytes;
            total.kept += counts.kept;
            lines.add("  " + Quarantine.path(job.dir(), job.auditId()) + ": " + Values.count(counts.done, "file")
                    + " (" + FileCounts.bytes(counts.bytes) + ")"
                    + (counts.kept > 0 ? ", " + counts.kept + " kept (recording restored)" : ""));
        }
        out.println("Would remove " + Values.count(total.done, "quarantined file") + " ("
                + FileCounts.bytes(total.bytes) + ") of " + Values.count(jobs.size(), "delete")
                + " whose files moved at least " + Values.count(days, "day") + " ago");
        lines.forEach(out::println);
        long pending = passes.pendingCount(null);
        if (pending > 0) {
            out.println("  " + Values.count(pending, "delete") + " with unfinished file moves left alone; run"
                    + " 'recordings files resume' first");
        }
        out.flush();
        return total;
    }

    private List<PassReport> purge(List<FileJob> jobs, String command) {
        List<PassReport> reports = new ArrayList<>();
        for (FileJob job : jobs) {
            try (FileLock lock = lockOf(job)) {
                PassReport report = passes.purge(job, command);
                deleteFiles.print(report, "");
                reports.add(report);
            }
        }
        return reports;
    }

    private FileLock lockOf(FileJob job) {
        return passes.tryLock(job.runId()).orElseThrow(() -> RestoreFiles.busy(job));
    }

    private void confirm(long count, boolean yes, Long expected) {
        if (expected != null) {
            if (expected != count) {
                throw RecshellException.aborted("Expected " + Values.count(expected, "file") + " but " + count
                        + " would be removed; nothing was removed");
            }
            return;
        }
        if (yes) {
            return;
        }
        if (!session.canPrompt()) {
            throw RecshellException.invalid("Refusing to remove files without confirmation: there is no terminal"
                    + " to ask. Run again with --expect " + count + " or with --yes.");
        }
        String answer = session.ask("Type " + count + " to remove " + Values.count(count, "quarantined file")
                + " for good, anything else to abort: ").orElse("");
        if (!answer.strip().equals(Long.toString(count))) {
            throw RecshellException.aborted("Confirmation '" + answer.strip() + "' does not match " + count
                    + "; nothing was removed");
        }
    }

    private static int days(String raw) {
        if (raw == null) {
            throw RecshellException.invalid("--older-than is required: how many days files stay in quarantine");
        }
        long days = FilterValidator.id("--older-than", raw);
        if (days > MAX_DAYS) {
            throw RecshellException.invalid("Invalid --older-than '" + raw + "': at most " + MAX_DAYS + " days");
        }
        return (int) days;
    }

    private static void failOnProblems(List<PassReport> reports, String what) {
        long refused = reports.stream().mapToLong(r -> r.counts().refused).sum();
        long failed = reports.stream().mapToLong(r -> r.counts().failed).sum();
        if (refused + failed > 0) {
            throw new RecshellException(ExitCode.FAILURE, refused + " files were refused and " + failed + " "
                    + what + " (listed above); refused files are never touched, failed ones can be retried"
                    + " once the cause is fixed");
        }
    }

    /** Whole seconds, like the recordings' times (file systems keep nanoseconds). */
    private static String time(Orphan orphan) {
        return orphan.time() == null ? "" : Values.utc(orphan.time().truncatedTo(ChronoUnit.SECONDS));
    }

    static List<Column<Orphan>> orphanColumns() {
        return List.of(
                Column.of("kind", Orphan::kind),
                Column.of("file", Orphan::file),
                Column.number("recording_id", Orphan::recordingId),
                Column.number("size", Orphan::size, o -> Values.humanBytes(o.size())),
                new Column<>("time", FilesCommands::time, FilesCommands::time, false));
    }
}
