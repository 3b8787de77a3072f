package io.recshell.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
import io.recshell.shell.RecshellException;
import io.recshell.shell.ShellOutput;

import tools.jackson.databind.json.JsonMapper;

/** {@code audit list} and {@code audit show}: reading the audit log. */
@Component
public class AuditCommands {

    static final String GROUP = "Audit log";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AuditRepository repository;
    private final AuditTrail audit;
    private final DatabaseGate gate;
    private final ShellOutput output;

    public AuditCommands(AuditRepository repository, AuditTrail audit, DatabaseGate gate, ShellOutput output) {
        this.repository = repository;
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

        List<AuditEntry> entries = repository.newest(new AuditQuery((int) max,
                sinceSeconds == null ? null : Instant.ofEpochSecond(sinceSeconds), action, outcome, actingUser));
        List<Column<AuditEntry>> columns = outputFormat == OutputFormat.TABLE ? tableColumns() : allColumns();
        try (Listing<AuditEntry> listing = Listing.open(outputFormat, output.out(), columns, null, null)) {
            entries.forEach(listing::add);
        }
        audit.current().matched(entries.size()).outcome(Outcome.OK, entries.size() + " entries listed");
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

    static List<Column<AuditEntry>> allColumns() {
        return List.of(
                Column.number("id", AuditEntry::id),
                Column.of("at", e -> Values.utc(e.at())),
                Column.of("action", AuditEntry::action),
                Column.of("command", AuditEntry::command),
                Column.of("filters", e -> JSON.readTree(e.filters())),
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
