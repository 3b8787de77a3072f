package io.recshell.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataAccessException;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import io.recshell.access.AccessRules;
import io.recshell.audit.AuditTrail;
import io.recshell.audit.Outcome;
import io.recshell.audit.PendingEntry;
import io.recshell.db.DatabaseErrors;
import io.recshell.db.DatabaseGate;
import io.recshell.format.Values;
import io.recshell.recordings.DeleteResult;
import io.recshell.recordings.FilterValidator;
import io.recshell.recordings.Preview;
import io.recshell.recordings.RecordingFilter;
import io.recshell.recordings.RecordingsCommands;
import io.recshell.recordings.RecordingsService;
import io.recshell.shell.Audited;
import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;
import io.recshell.shell.ShellOutput;

/**
 * {@code api hash} and {@code api call}: MOR's API for {@code recordings_delete}, for the
 * tools and runbooks that already speak it. A call runs the very steps of
 * {@code recordings delete --yes} (the same checks, dry run, delete and audit guarantee),
 * acting as the request's user {@code u}, and answers in MOR's XML.
 */
@Component
public class ApiCommands {

    static final String GROUP = "MOR API";

    private static final String SECRET_HELP = "file whose first line is the API secret key (- reads standard input)";

    private final ApiSecret secrets;
    private final AccessRules accessRules;
    private final RecordingsService recordings;
    private final DatabaseGate gate;
    private final AuditTrail audit;
    private final ShellOutput output;

    public ApiCommands(ApiSecret secrets, AccessRules accessRules, RecordingsService recordings, DatabaseGate gate,
            AuditTrail audit, ShellOutput output) {
        this.secrets = secrets;
        this.accessRules = accessRules;
        this.recordings = recordings;
        this.gate = gate;
        this.audit = audit;
        this.output = output;
    }

    @Audited("api_hash")
    @Command(name = {"api", "hash"}, group = GROUP,
            description = "Print the SHA-1 hash MOR's recordings_delete expects for these parameters",
            help = """
                    Parameters are name=value words, any of recording_id, s_user_id, s_device_id,
                    date_from, date_till (in any order; an empty value adds nothing). The hash is
                    SHA-1 over their values in that order, followed by the API secret key:
                      api hash --secret-file /etc/recshell/mor-secret s_user_id=5 date_till=1577836799""")
    public void hash(@Arguments List<String> words,
            @Option(longName = "secret-file", description = SECRET_HELP) String secretFile) {
        PendingEntry entry = audit.current();
        Map<String, String> values = hashParameters(words);
        values.forEach(entry::filter);
        String secret = secrets.read(secretFile);
        gate.ready(); // the audit entry needs the database: fail before printing, not after

        output.println(MorHash.of(values, secret));
        entry.outcome(Outcome.OK, "hash printed for " + (values.isEmpty() ? "no parameters"
                : String.join(", ", values.keySet())));
    }

    @Audited("api_call")
    @Command(name = {"api", "call"}, group = GROUP,
            description = "Run a MOR API recordings_delete request and print MOR's XML answer",
            help = """
                    REQUEST is recordings_delete?u=USER&PARAMETER=VALUE...&hash=HASH (MOR's path or a
                    whole URL before recordings_delete is allowed). Quote it for the shell, e.g.
                      api call --secret-file /etc/recshell/mor-secret \\
                          'recordings_delete?u=admin&s_user_id=5&date_till=1577836799&hash=3da2...'
                    The hash is checked, then recshell acts as user u with MOR's access rules and
                    deletes exactly as 'recordings delete --as u ... --yes' does: the same dry run,
                    archive and audit entry (action api_call). The answer on standard output is MOR's
                    XML; the dry run and result lines go to standard error.""")
    public void call(@Argument(index = 0, description = "REQUEST") String request,
            @Option(longName = "secret-file", description = SECRET_HELP) String secretFile) {
        try {
            recordingsDelete(request, secretFile);
            output.println(MorXml.success(MorXml.DELETED));
        } catch (RecshellException e) {
            output.println(MorXml.error(e.getMessage()));
            throw e;
        } catch (DataAccessException e) {
            RecshellException failure = DatabaseErrors.translate(e);
            output.println(MorXml.error(failure.getMessage()));
            throw failure;
        } catch (RuntimeException e) {
            output.println(MorXml.error("Unexpected failure (details in the log file)"));
            throw e;
        }
    }

    private void recordingsDelete(String request, String secretFile) {
        PendingEntry entry = audit.current();
        ApiRequest call = ApiRequest.parse(request);
        RecordingFilter typed = authenticated(call, secretFile, entry);
        gate.ready();
        RecordingFilter filter = FilterValidator.actingAs(typed, accessRules.resolve(call.value("u")));
        RecordingsCommands.record(entry, filter);
        FilterValidator.checkForDelete(filter);

        // The steps of 'recordings delete --yes', through the same service.
        Preview preview = recordings.preview(filter);
        entry.matched(preview.count());
        output.notice("Would delete " + Values.count(preview.count(), "recording") + " ("
                + Values.humanBytes(preview.totalBytes()) + ", " + preview.totalBytes() + " bytes)");
        DeleteResult result = recordings.delete(filter, preview, entry);
        output.notice(result.message() + ". Audit entry " + result.auditId() + ".");
    }

    /** Checks the request's user, values and hash, and returns its filters as typed. */
    private RecordingFilter authenticated(ApiRequest call, String secretFile, PendingEntry entry) {
        String user = call.value("u");
        entry.actingUser(user);
        if (user == null) {
            throw RecshellException.invalid("Parameter u (the username to act as) is required");
        }
        RecordingFilter typed = filterOf(call);
        RecordingsCommands.record(entry, typed);
        if (!MorHash.matches(call.value("hash"), call.parameters(), secrets.read(secretFile))) {
            throw new RecshellException(ExitCode.DENIED, "Incorrect hash");
        }
        return typed;
    }

    /** The request's filters, each value checked and named as MOR names it. */
    private static RecordingFilter filterOf(ApiRequest call) {
        return new RecordingFilter(FilterValidator.id("recording_id", call.value("recording_id")),
                FilterValidator.id("s_user_id", call.value("s_user_id")),
                FilterValidator.id("s_device_id", call.value("s_device_id")),
                FilterValidator.unixSeconds("date_from", call.value("date_from")),
                FilterValidator.unixSeconds("date_till", call.value("date_till")));
    }

    /** The name=value words of api hash, each a hash parameter given at most once. */
    static Map<String, String> hashParameters(List<String> words) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String word : words) {
            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            // A word without '=' is not echoed: it might be a secret typed in the wrong place.
            if (equals < 0) {
                throw RecshellException.invalid("Every hash parameter is a name=value word, and one is not;"
                        + " names: " + String.join(", ", MorHash.PARAMETERS));
            }
            if (!MorHash.PARAMETERS.contains(name)) {
                throw RecshellException.invalid("'" + name + "' is not a hash parameter; the hash covers "
                        + String.join(", ", MorHash.PARAMETERS) + " (u and hash are not part of it)");
            }
            if (values.putIfAbsent(name, word.substring(equals + 1)) != null) {
                throw RecshellException.invalid("Hash parameter '" + name + "' is given more than once");
            }
        }
        return values;
    }
}
