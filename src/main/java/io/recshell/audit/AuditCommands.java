package io.recshell.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.recshell.db.DatabaseGate;
import io.recshell.format.Column;
import io.recshell.format.Listing;
import io.recshell.format.OutputFormat;
import io.recshell.format.Values;
import io.recshell.recordings.FilterValidator;
import io.recshell.shell.Audited;
import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;
import io.recshell.shell.ShellOutput;

import tools.jackson.databind.json.JsonMapper;

/** {@code audit list}, {@code show}, {@code verify} and {@code export}: reading the audit log. */
@Component
public class AuditCommands {

    static final String GROUP = "Audit log";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(AuditCommands.class);

    private final AuditRepository repository;
    private final AuditService service;
    private final AuditTrail audit;
    private final DatabaseGate gate;
    private final ShellOutput output;

    public AuditCommands(AuditRepository repository, AuditService service, AuditTrail audit, DatabaseGate gate,
            ShellOutput output) {
        this.repository = repository;
        this.service = service;
        this.audit = audit;
        this.gate = gate;
        this.output = output;
    }

    @Audited("audit_list")
    @Command(name = {"audit", "list"}, group = GROUP,
            description = "Show the newest audit entries, oldest first",
            help = "json prints an array of entries with the fields id, at, action, command, filters,"
                    + " acting_user, os_user, host, ssh_client, db_user, session_id, outcome, message,"
                    + " matched, deleted, deleted_bytes, run_id, prev_hash, hash.")
    public void list(@Option(longName = "limit", description = "how many entries", defaultValue = "20") String limit,
            @Option(longName = "since", description = "entries at or after this Unix time") String since,
            @Option(longName = "action", description = "only this action, e.g. delete") String action,
            @Option(longName = "outcome", description = "only this outcome, e.g. denied") String outcome,
            @Option(longName = "acting-user", description = "only entries acting as this platform user")
            String actingUser,
            @Option(longName = "format", description = "table, csv or json", defaultValue = "table") String format) {
        long max = FilterValidator.id("--limit", limit);
        if (max > Integer.MAX_VALUE) {
            throw RecshellException.invalid("Invalid --limit '" + limit + "': at most " + Integer.MAX_VALUE);
        }
        Long sinceSeconds = FilterValidator.unixSeconds("--since", since);
        if (outcome != null) {
            checkOutcome(outcome);
        }
        OutputFormat outputFormat = OutputFormat.parse(format);
        audit.current().filter("limit", max).filter("since", sinceSeconds).filter("action", action)
                .filter("outcome", outcome).filter("acting_user", actingUser);
        gate.ready();

        AuditQuery query = new AuditQuery((int) max, sinceSeconds == null ? null : Instant.ofEpochSecond(sinceSeconds),
                action, outcome, actingUser);
        List<Column<AuditEntry>> columns = outputFormat == OutputFormat.TABLE ? tableColumns() : allColumns();
        long listed;
        try (Listing<AuditEntry> listing = Listing.open(outputFormat, output.out(), columns, null, null)) {
            listed = service.newest(query, listing::add);
        }
        audit.current().matched(listed).outcome(Outcome.OK, entries(listed) + " listed");
    }

    @Audited("audit_show")
    @Command(name = {"audit", "show"}, group = GROUP, description = "Show one audit entry in full")
    public void show(@Argument(index = 0, description = "ID") String id,
            @Option(longName = "format", description = "text or json", defaultValue = "text") String format) {
        if (id == null) {
            throw RecshellException.invalid("audit show needs an entry id: audit show ID");
        }
        long entryId = FilterValidator.id("ID", id);
        if (!format.equals("text") && !format.equals("json")) {
            throw RecshellException.invalid("Invalid --format '" + format + "': use text or json");
        }
        audit.current().filter("id", entryId);
        gate.ready();

        AuditEntry entry = repository.find(entryId)
                .orElseThrow(() -> RecshellException.notFound("Audit entry " + entryId + " was not found"));
        if (format.equals("json")) {
            output.println(JSON.writeValueAsString(asMap(entry)));
        } else {
            asMap(entry).forEach((name, value) -> output.println(String.format("%-14s %s", name + ":",
                    value == null ? "" : value)));
        }
        audit.current().matched(1).outcome(Outcome.OK, "entry " + entryId + " shown");
    }

    @Audited("audit_verify")
    @Command(name = {"audit", "verify"}, group = GROUP,
            description = "Recompute the hash chain of the whole audit log",
            help = "Reads every entry in id order and checks that each has the next id, names the previous"
                    + " entry's hash as prev_hash, and hashes to its own hash (SHA-256, docs/audit-log.md)."
                    + " Prints how many entries were checked and the newest entry's hash; on the first"
                    + " entry that was changed, removed, inserted or moved it names that entry and exits 7.")
    public void verify() {
        gate.ready();

        AuditService.Verification result = service.verify();
        audit.current().matched(result.checked());
        if (result.firstBreak().isPresent()) {
            output.println("Checked " + entries(result.checked()) + "; the chain holds "
                    + result.lastGood().map(e -> "up to entry " + e.id()).orElse("for no entry") + ".");
            throw new RecshellException(ExitCode.AUDIT_INTEGRITY, result.firstBreak().get().describe());
        }
        output.println("Audit log intact: " + entries(result.checked()) + " checked"
                + result.lastGood().map(e -> ", ids 1 to " + e.id()).orElse("") + ".");
        result.lastGood().ifPresent(newest -> output.println("Newest entry " + newest.id() + ", hash "
                + newest.hash() + " (keep it: a later verify or export must still contain it)."));
        audit.current().outcome(Outcome.OK, "chain intact: " + entries(result.checked()) + " checked");
    }

    @Audited("audit_export")
    @Command(name = {"audit", "export"}, group = GROUP,
            description = "Write the audit log, with its hashes, as CSV or JSON",
            help = "Every field of every entry, oldest first, streamed: csv has a header row, json is an array"
                    + " of objects. --since starts at the first entry written at or after that time and goes on"
                    + " to the newest. at is ISO-8601 UTC with microseconds and filters is"
                    + " the JSON text as stored, exactly what the hash covers, so that the chain can be"
                    + " recomputed outside recshell (docs/audit-log.md has a script). --output writes a new"
                    + " file (readable by its owner only) and refuses to overwrite one.")
    public void export(@Option(longName = "format", description = "csv or json (required)") String format,
            @Option(longName = "since", description = "from the first entry written at or after this Unix time")
            String since,
            @Option(longName = "output", description = "write to this new file instead of standard output")
            String outputFile) {
        OutputFormat exportFormat = exportFormat(format);
        Long sinceSeconds = FilterValidator.unixSeconds("--since", since);
        Path target = outputFile == null ? null : newFile(outputFile);
        audit.current().filter("format", format).filter("since", sinceSeconds).filter("output", outputFile);
        gate.ready();

        Instant from = sinceSeconds == null ? null : Instant.ofEpochSecond(sinceSeconds);
        AuditService.Exported exported = target == null ? exportTo(output.out(), exportFormat, from)
                : exportToFile(target, exportFormat, from);
        if (target == null) {
            output.notice(summary(exported, target));
        } else {
            output.println(summary(exported, target));
        }
        audit.current().matched(exported.count()).outcome(Outcome.OK, entries(exported.count()) + " exported"
                + (target == null ? "" : " to " + target));
    }

    /** "Exported 3 entries (ids 1 to 3; newest hash ...) to FILE." */
    private static String summary(AuditService.Exported exported, Path target) {
        String span = exported.first().map(first -> " (ids " + first.id() + " to " + exported.last().get().id()
                + "; newest hash " + exported.last().get().hash() + ")").orElse("");
        return "Exported " + entries(exported.count()) + span + (target == null ? "." : " to " + target + ".");
    }

    private AuditService.Exported exportTo(PrintWriter out, OutputFormat format, Instant since) {
        try (Listing<AuditEntry> listing = Listing.open(format, out, exportColumns(), null, null)) {
            return service.export(since, listing::add);
        }
    }

    /** Writes into a temporary file next to the target and renames it: never a half file under its name. */
    private AuditService.Exported exportToFile(Path target, OutputFormat format, Instant since) {
        Path directory = target.toAbsolutePath().getParent();
        Path partial = null;
        try {
            partial = Files.createTempFile(directory, ".recshell-export-", ".partial");
            AuditService.Exported exported;
            try (BufferedWriter writer = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
                    PrintWriter out = new PrintWriter(writer)) {
                exported = exportTo(out, format, since);
                if (out.checkError()) {
                    throw new IOException("writing " + partial + " failed");
                }
            }
            Files.move(partial, target);
            return exported;
        } catch (FileAlreadyExistsException e) {
            throw RecshellException.invalid("--output " + target + " already exists; nothing was exported");
        } catch (IOException e) {
            throw new RecshellException(ExitCode.FAILURE, "Cannot write --output " + target + ": " + e.getMessage());
        } finally {
            removePartial(partial);
        }
    }

    private static void removePartial(Path partial) {
        if (partial == null) {
            return;
        }
        try {
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            log.warn("Cannot remove the partial export {}", partial, e);
        }
    }

    private static OutputFormat exportFormat(String format) {
        if (format == null) {
            throw RecshellException.invalid("audit export needs --format csv or --format json");
        }
        if (!format.equals("csv") && !format.equals("json")) {
            throw RecshellException.invalid("Invalid --format '" + format + "': use csv or json");
        }
        return OutputFormat.parse(format);
    }

    private static Path newFile(String name) {
        Path path;
        try {
            path = Path.of(name);
        } catch (InvalidPathException e) {
            throw RecshellException.invalid("Invalid --output '" + name + "': " + e.getMessage());
        }
        if (Files.exists(path)) {
            throw RecshellException.invalid("--output " + name + " already exists; choose a new file name");
        }
        Path directory = path.toAbsolutePath().getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw RecshellException.invalid("--output " + name + ": the folder " + directory + " does not exist");
        }
        return path;
    }

    private static String entries(long count) {
        return count == 1 ? "1 entry" : count + " entries";
    }

    static void checkOutcome(String outcome) {
        for (Outcome known : Outcome.values()) {
            if (known.label().equals(outcome)) {
                return;
            }
        }
        throw RecshellException.invalid("Invalid --outcome '" + outcome + "': use one of ok, dry_run, not_found,"
                + " denied, invalid, aborted, failed, interrupted");
    }

    /** The entry as the JSON object SPEC.md section 6 describes (filters as an object). */
    static Map<String, Object> asMap(AuditEntry e) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (Column<AuditEntry> column : allColumns()) {
            map.put(column.name(), column.raw().apply(e));
        }
        return map;
    }

    /** Every field, for people and programs: filters as a JSON object. */
    static List<Column<AuditEntry>> allColumns() {
        return columns(Column.of("filters", e -> JSON.readTree(e.filters())));
    }

    /** Every field exactly as hashed: filters as the stored JSON text, at with six fraction digits. */
    static List<Column<AuditEntry>> exportColumns() {
        return columns(Column.of("filters", AuditEntry::filters));
    }

    private static List<Column<AuditEntry>> columns(Column<AuditEntry> filters) {
        return List.of(
                Column.number("id", AuditEntry::id),
                Column.of("at", e -> AuditHasher.formatAt(e.at())),
                Column.of("action", AuditEntry::action),
                Column.of("command", AuditEntry::command),
                filters,
                Column.of("acting_user", AuditEntry::actingUser),
                Column.of("os_user", AuditEntry::osUser),
                Column.of("host", AuditEntry::host),
                Column.of("ssh_client", AuditEntry::sshClient),
                Column.of("db_user", AuditEntry::dbUser),
                Column.of("session_id", AuditEntry::sessionId),
                Column.of("outcome", AuditEntry::outcome),
                Column.of("message", AuditEntry::message),
                Column.number("matched", AuditEntry::matched),
                Column.number("deleted", AuditEntry::deleted),
                Column.number("deleted_bytes", AuditEntry::deletedBytes),
                Column.number("run_id", AuditEntry::runId),
                Column.of("prev_hash", AuditEntry::prevHash),
                Column.of("hash", AuditEntry::hash));
    }

    private static List<Column<AuditEntry>> tableColumns() {
        return List.of(
                Column.number("id", AuditEntry::id),
                new Column<>("at", e -> Values.utc(e.at()), e -> Values.utc(e.at()).replaceAll("\\.\\d+Z$", "Z"),
                        false),
                Column.of("action", AuditEntry::action),
                Column.of("outcome", AuditEntry::outcome),
                Column.of("as", AuditEntry::actingUser),
                Column.of("os_user", AuditEntry::osUser),
                Column.number("matched", AuditEntry::matched),
                Column.number("deleted", AuditEntry::deleted),
                Column.text("command", AuditEntry::command));
    }
}
