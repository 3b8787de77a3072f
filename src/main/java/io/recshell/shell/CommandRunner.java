package io.recshell.shell;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.stereotype.Component;

import io.recshell.audit.AuditTrail;
import io.recshell.audit.Outcome;
import io.recshell.audit.PendingEntry;
import io.recshell.audit.SecretMasking;
import io.recshell.db.DatabaseErrors;

/**
 * Runs one command line, the same way for every runner (one-shot, script, interactive):
 * strict parsing, {@code --help}, the audit entry of audited commands whatever happens,
 * errors printed as one sentence, and the exit code from SPEC.md returned.
 */
@Component
public class CommandRunner {

    /** Command groups whose every command is audited, even a misspelt one. */
    private static final Set<String> AUDITED_GROUPS = Set.of("recordings", "audit", "api");

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final StrictCommandParser parser;
    private final CommandCatalog catalog;
    private final HelpPrinter help;
    private final AuditTrail audit;
    private final ShellOutput output;

    public CommandRunner(StrictCommandParser parser, CommandCatalog catalog, HelpPrinter help, AuditTrail audit,
            ShellOutput output) {
        this.parser = parser;
        this.catalog = catalog;
        this.help = help;
        this.audit = audit;
        this.output = output;
    }

    /** Runs the words of one command and returns its exit code. */
    public ExitCode run(List<String> words) {
        PendingEntry entry = null;
        try {
            ParsedCommand parsed;
            try {
                parsed = parser.parseWords(words);
            } catch (RecshellException e) {
                entry = openEntryForInvalidLine(words);
                throw e;
            }
            if (parsed.helpRequested()) {
                help.printCommand(parsed.command());
                return ExitCode.OK;
            }
            String typed = recordable(words);
            entry = parsed.command().auditedAction().map(action -> audit.begin(action, typed)).orElse(null);
            log.debug("running: {}", typed);
            parsed.command().execute(new CommandContext(parsed.input(), catalog.registry(), output.out(), null));
            output.out().flush();
            audit.finish(entry);
            return ExitCode.OK;
        } catch (Exception e) {
            return fail(e, entry);
        }
    }

    private ExitCode fail(Exception e, PendingEntry entry) {
        RecshellException failure = asRecshellException(e);
        output.error(failure.getMessage());
        if (entry == null || entry.isWritten()) {
            return failure.exitCode();
        }
        entry.outcome(Outcome.of(failure.exitCode()), failure.getMessage());
        try {
            audit.finish(entry);
        } catch (RuntimeException auditFailure) {
            log.error("Could not write the audit entry of a failed command", auditFailure);
            if (failure.exitCode() == ExitCode.DATABASE) {
                return ExitCode.DATABASE;
            }
            output.error("The audit entry of this command could not be written: "
                    + DatabaseErrors.rootMessage(auditFailure));
            return ExitCode.DATABASE;
        }
        return failure.exitCode();
    }

    private PendingEntry openEntryForInvalidLine(List<String> words) {
        if (words.isEmpty() || !AUDITED_GROUPS.contains(words.get(0))) {
            return null;
        }
        String action = catalog.longestMatch(words).flatMap(AnnotatedCommand::auditedAction).orElse("unknown");
        return audit.begin(action, recordable(words));
    }

    /** The command as typed, with secrets masked: what the audit log and the log file keep. */
    private static String recordable(List<String> words) {
        return Tokenizer.join(SecretMasking.maskWords(words));
    }

    /**
     * Any failure as recshell reports it: its own errors as they are, database failures
     * translated (exit 6), anything else exit 1 with the details in the log file.
     */
    public static RecshellException asRecshellException(Exception e) {
        if (e instanceof RecshellException r) {
            return r;
        }
        if (e instanceof DataAccessException d) {
            log.error("Database failure", d);
            return DatabaseErrors.translate(d);
        }
        log.error("Unexpected failure", e);
        return new RecshellException(ExitCode.FAILURE, "Unexpected failure: " + e
                + " (details in the log file)", e);
    }
}
