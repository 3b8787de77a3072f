package io.recshell.recordings;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.recshell.access.AccessRules;
import io.recshell.audit.AuditTrail;
import io.recshell.audit.Outcome;
import io.recshell.audit.PendingEntry;
import io.recshell.db.DatabaseGate;
import io.recshell.files.DeleteFiles;
import io.recshell.files.FileRequest;
import io.recshell.files.RestoreFiles;
import io.recshell.format.Column;
import io.recshell.format.Listing;
import io.recshell.format.OutputFormat;
import io.recshell.format.Values;
import io.recshell.shell.Audited;
import io.recshell.shell.RecshellException;
import io.recshell.shell.Session;
import io.recshell.shell.ShellOutput;

/** {@code recordings find}, {@code delete} and {@code restore}: parse, validate, print. */
@Component
public class RecordingsCommands {

    static final String GROUP = "Recordings";

    private static final String FILTER_HELP = """
            Filters (all optional for find; delete needs at least one):
              --recording-id ID   one recording; cannot be combined with other filters
              --user-id ID        recordings owned by this user (recordings.user_id)
              --device-id ID      recordings whose source or destination device is ID;
                                  needs --user-id, and the device must belong to that user
              --date-from UNIX    recorded at or after this Unix time (seconds, UTC)
              --date-till UNIX    recorded at or before this Unix time (inclusive: 1577836799
                                  is up to and including 2019-12-31 23:59:59 UTC)

            Acting as a platform user, with MOR's access rules:
              --as USERNAME       a reseller reaches its own and its users' recordings, a simple
                                  user only its own (its user id is implied), the admin, a manager
                                  or an accountant everything; anything else is Access Denied
            """;

    private final RecordingsService service;
    private final RestoreService restores;
    private final DatabaseGate gate;
    private final AuditTrail audit;
    private final ShellOutput output;
    private final Session session;
    private final AccessRules accessRules;
    private final DeleteFiles deleteFiles;
    private final RestoreFiles restoreFiles;

    public RecordingsCommands(RecordingsService service, RestoreService restores, DatabaseGate gate,
            AuditTrail audit, ShellOutput output, Session session, AccessRules accessRules, DeleteFiles deleteFiles,
            RestoreFiles restoreFiles) {
        this.service = service;
        this.restores = restores;
        this.deleteFiles = deleteFiles;
        this.restoreFiles = restoreFiles;
        this.gate = gate;
        this.audit = audit;
        this.output = output;
        this.session = session;
        this.accessRules = accessRules;
    }

    @Audited("find")
    @Command(name = {"recordings", "find"}, group = GROUP,
            description = "List matching recordings, newest first, with the total matched",
            help = FILTER_HELP + """

                    Table output shows human sizes and UTC times; csv and json show raw numbers
                    (size in bytes) and ISO-8601 UTC times. In csv the total goes to standard error;
                    json is an object {"total": N, "recordings": [...]}.""")
    public void find(@Option(longName = "recording-id", description = "recording id") String recordingId,
            @Option(longName = "user-id", description = "owner's user id") String userId,
            @Option(longName = "device-id", description = "source or destination device id (needs --user-id)")
            String deviceId,
            @Option(longName = "date-from", description = "from this Unix time, inclusive") String dateFrom,
            @Option(longName = "date-till", description = "up to this Unix time, inclusive") String dateTill,
            @Option(longName = "limit", description = "show at most this many", defaultValue = "50") String limit,
            @Option(longName = "format", description = "table, csv or json", defaultValue = "table")
            String format,
            @Option(longName = "as", description = "act as this platform user (MOR's access rules)") String as) {
        PendingEntry entry = audit.current();
        RecordingFilter typed = FilterValidator.values(recordingId, userId, deviceId, dateFrom, dateTill);
        record(entry, typed);
        long max = FilterValidator.id("--limit", limit);
        OutputFormat outputFormat = OutputFormat.parse(format);
        RecordingFilter filter = actingAs(typed, as, entry);
        gate.ready();

        List<Listing<RecordingRow>> listing = new ArrayList<>(1);
        long total = service.find(filter, max, count -> listing.add(openListing(outputFormat, count)),
                row -> listing.get(0).add(row));
        listing.get(0).close();
        entry.matched(total).outcome(Outcome.OK, Values.count(total, "recording") + " matched");
        long shown = Math.min(total, max);
        if (outputFormat == OutputFormat.TABLE) {
            output.println(total == 0 ? "No recordings match."
                    : "Showing " + shown + " of " + Values.count(total, "matching recording") + " (newest first).");
        } else if (outputFormat == OutputFormat.CSV) {
            output.notice(Values.count(total, "recording") + " matched; " + shown + " shown.");
        }
    }

    @Audited(value = "delete", also = {"delete_batch", "files_move"})
    @Command(name = {"recordings", "delete"}, group = GROUP,
            description = "Delete matching recordings, after a dry run and a confirmation",
            help = FILTER_HELP + """

                    Every delete first prints a dry run (count, total size, time span, users, samples).
                    On a terminal you then type the number of recordings to confirm. Without a terminal
                    (scripts, pipes, cron) the delete runs only with --yes or --expect N.
                    Only the recordings counted by the dry run are deleted, in batches of short
                    transactions; each batch archives its rows whole and writes its own audit entry, and
                    the delete's entry sums them up. recordings restore --audit-id ID undoes a delete.

                    --files DIR moves the audio files (<uniqueid>.mp3) of deleted local recordings into
                    DIR/.recshell-quarantine/<audit id> once the deletion has committed (restorable;
                    removed for good by recordings purge-files). --manifest FILE lists the file of every
                    deleted recording, local and remote, one a line. See docs/audio-files.md.""")
    public void delete(@Option(longName = "recording-id", description = "recording id") String recordingId,
            @Option(longName = "user-id", description = "owner's user id") String userId,
            @Option(longName = "device-id", description = "source or destination device id (needs --user-id)")
            String deviceId,
            @Option(longName = "date-from", description = "from this Unix time, inclusive") String dateFrom,
            @Option(longName = "date-till", description = "up to this Unix time, inclusive") String dateTill,
            @Option(longName = "dry-run", description = "only show what would be deleted") boolean dryRun,
            @Option(longName = "yes", description = "delete without asking") boolean yes,
            @Option(longName = "expect", description = "delete only if exactly N recordings match") String expect,
            @Option(longName = "as", description = "act as this platform user (MOR's access rules)") String as,
            @Option(longName = "files", description = "move the deleted recordings' audio files out of this folder")
            String files,
            @Option(longName = "manifest", description = "write the deleted recordings' file names to this new file")
            String manifest) {
        PendingEntry entry = audit.current();
        RecordingFilter typed = FilterValidator.values(recordingId, userId, deviceId, dateFrom, dateTill);
        record(entry, typed);
        Long expected = FilterValidator.id("--expect", expect);
        entry.filter("expect", expected);
        RecordingFilter filter = actingAs(typed, as, entry);
        FilterValidator.checkForDelete(filter);
        FileRequest fileRequest = deleteFiles.request(files, manifest);
        gate.ready();

        Preview preview = service.preview(filter);
        entry.matched(preview.count());
        printPreview(preview);
        deleteFiles.printDryRun(fileRequest, preview.ids());
        if (dryRun) {
            entry.outcome(Outcome.DRY_RUN, "Would delete " + Values.count(preview.count(), "recording"));
            return;
        }
        confirm(preview.count(), yes, expected);
        try (fileRequest) {
            DeleteResult result = service.delete(filter, preview, entry,
                    runId -> deleteFiles.runStarted(fileRequest, runId));
            output.println(result.message() + ". Audit entry " + result.auditId() + ".");
            deleteFiles.afterDelete(fileRequest, entry.command());
        }
    }

    private void confirm(long count, boolean yes, Long expected) {
        if (expected != null) {
            if (expected != count) {
                throw RecshellException.aborted("Expected " + Values.count(expected, "recording") + " but "
                        + count + " match; nothing was deleted");
            }
            return;
        }
        if (!yes && !session.canPrompt()) {
            throw RecshellException.invalid("Refusing to delete without confirmation: there is no terminal to"
                    + " ask. Run again with --expect " + count + " (deletes only if exactly " + count
                    + " still match) or with --yes.");
        }
        askUnless(yes, count, "delete");
    }

    /** Asks the person to type the count, unless --yes was given; anything else aborts. */
    private void askUnless(boolean yes, long count, String verb) {
        if (yes) {
            return;
        }
        if (!session.canPrompt()) {
            throw RecshellException.invalid("Refusing to " + verb + " without confirmation: there is no terminal"
                    + " to ask. Run again with --yes.");
        }
        String answer = session.ask("Type " + count + " to " + verb + " " + Values.count(count, "recording")
                + ", anything else to abort: ").orElse("");
        if (!answer.strip().equals(Long.toString(count))) {
            throw RecshellException.aborted("Confirmation '" + answer.strip() + "' does not match " + count
                    + "; nothing was " + (verb.equals("delete") ? "deleted" : "restored"));
        }
    }

    @Audited(value = "restore", also = {"restore_batch", "files_restore"})
    @Command(name = {"recordings", "restore"}, group = GROUP,
            description = "Put the recordings of a delete back, after a dry run and a confirmation",
            help = """
                    --audit-id ID names a delete by any of its audit entries (the closing delete entry,
                    an interrupted one, or one of its delete_batch entries; see audit list --action delete).
                    Its archived rows go back into recordings exactly as they were (same ids, every
                    column), in batches; rows whose id exists in recordings again are skipped. The dry run
                    comes first; on a terminal you type the number of recordings to confirm, without one
                    the restore runs only with --yes.""")
    public void restore(@Option(longName = "audit-id", description = "an audit entry of the delete") String auditId,
            @Option(longName = "dry-run", description = "only show what would be restored") boolean dryRun,
            @Option(longName = "yes", description = "restore without asking") boolean yes) {
        PendingEntry entry = audit.current();
        if (auditId == null) {
            throw RecshellException.invalid("recordings restore needs --audit-id ID: the audit entry of the delete"
                    + " to undo (see audit list --action delete)");
        }
        long deleteEntry = FilterValidator.id("--audit-id", auditId);
        entry.filter("audit_id", deleteEntry);
        gate.ready();

        RestorePlan plan = restores.plan(deleteEntry);
        entry.filter("run_id", plan.runId()).matched(plan.archived());
        printRestorePlan(plan);
        restoreFiles.plan(plan.runId()).ifPresent(line -> output.println("  " + line));
        if (dryRun) {
            entry.outcome(Outcome.DRY_RUN, "Would restore " + Values.count(plan.toRestore(), "recording"));
            return;
        }
        if (plan.toRestore() == 0) {
            entry.outcome(Outcome.OK, "Nothing to restore: all " + plan.archived() + " exist again");
            output.println("Nothing to restore: every recording of run " + plan.runId() + " is in recordings.");
            restoreFiles.afterRestore(plan.runId(), entry.command());
            return;
        }
        askUnless(yes, plan.toRestore(), "restore");
        RestoreResult result = restores.restore(plan, entry);
        output.println(result.message() + ". Audit entry " + result.auditId() + ".");
        restoreFiles.afterRestore(plan.runId(), entry.command());
    }

    private void printRestorePlan(RestorePlan plan) {
        output.println("Would restore " + Values.count(plan.toRestore(), "recording") + " of run " + plan.runId()
                + " (" + Values.humanBytes(plan.bytes()) + ", " + plan.bytes() + " bytes archived)");
        output.println("  deleted at " + Values.utc(plan.deletedAt()) + " by: " + plan.deleteCommand());
        if (plan.present() > 0) {
            output.println("  " + plan.present() + " of the " + Values.count(plan.archived(), "archived recording")
                    + (plan.present() == 1 ? " exists" : " exist") + " in recordings again and will be skipped");
        }
    }

    private void printPreview(Preview preview) {
        PrintWriter out = output.out();
        out.println("Would delete " + Values.count(preview.count(), "recording") + " ("
                + Values.humanBytes(preview.totalBytes()) + ", " + preview.totalBytes() + " bytes)");
        out.println("  recorded from " + Values.utc(preview.earliest()) + " to " + Values.utc(preview.latest()));
        out.println("  belonging to " + Values.count(preview.users(), "user"));
        out.println("  oldest " + Values.count(preview.samples().size(), "sample") + ":");
        try (Listing<RecordingRow> samples = Listing.open(OutputFormat.TABLE, out, columns(), null, null)) {
            preview.samples().forEach(samples::add);
        }
    }

    private Listing<RecordingRow> openListing(OutputFormat format, long total) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("total", total);
        return Listing.open(format, output.out(), columns(), header, "recordings");
    }

    /**
     * The typed filters as {@code --as} user runs them (looked up in the database when one is
     * named), checked against the combination rules; the audit entry records the acting user
     * (also when it is denied) and the filters that will run.
     */
    private RecordingFilter actingAs(RecordingFilter typed, String as, PendingEntry entry) {
        entry.actingUser(as);
        if (as != null) {
            gate.ready();
        }
        RecordingFilter filter = FilterValidator.actingAs(typed, accessRules.resolve(as));
        record(entry, filter);
        return filter;
    }

    /** Writes the filters into the audit entry under the names the audit log uses. */
    public static void record(PendingEntry entry, RecordingFilter filter) {
        entry.filter("recording_id", filter.recordingId()).filter("user_id", filter.userId())
                .filter("device_id", filter.deviceId()).filter("date_from", filter.dateFrom())
                .filter("date_till", filter.dateTill());
    }

    static List<Column<RecordingRow>> columns() {
        return List.of(
                Column.number("id", RecordingRow::id),
                new Column<>("time", r -> Values.utc(r.datetime()), r -> Values.utc(r.datetime()), false),
                Column.number("user_id", RecordingRow::userId),
                Column.number("src_device_id", RecordingRow::srcDeviceId),
                Column.number("dst_device_id", RecordingRow::dstDeviceId),
                Column.of("src", RecordingRow::src),
                Column.of("dst", RecordingRow::dst),
                Column.number("size", RecordingRow::size, r -> Values.humanBytes(r.size())),
                Column.text("path", RecordingRow::path));
    }
}
