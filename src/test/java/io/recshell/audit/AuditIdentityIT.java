package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Who and where each entry names, one session id per script, secrets masked, list filters. */
class AuditIdentityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path LOG = Path.of("target", "it-logs", "recshell.log");

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.withSampleData(100);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void allCommandsOfAScriptShareOneSessionIdAndAnotherProcessHasItsOwn() {
        Result script = Recshell.on(db).stdin("""
                recordings find --user-id 5 --limit 1
                recordings delete --recording-id 3 --dry-run
                audit show 1
                """).run();
        Result oneShot = Recshell.on(db).run("audit", "show", "1");

        assertThat(script.exitCode()).as(script.toString()).isZero();
        assertThat(oneShot.exitCode()).isZero();
        List<String> sessions = db.jdbc().queryForList("select session_id from recshell.audit_log order by id",
                String.class);
        assertThat(sessions).hasSize(4);
        assertThat(sessions.subList(0, 3)).containsOnly(sessions.get(0));
        assertThat(sessions.get(3)).isNotEqualTo(sessions.get(0));
    }

    @Test
    void aSessionIdGivenInTheEnvironmentTiesSeveralProcessesOfARunbookTogether() {
        Recshell runbook = Recshell.on(db).env("RECSHELL_SESSION_ID", "retention-2026-12-04");
        assertThat(runbook.run("recordings", "find", "--user-id", "5").exitCode()).isZero();
        assertThat(runbook.run("audit", "show", "1").exitCode()).isZero();

        Result invalid = Recshell.on(db).env("RECSHELL_SESSION_ID", "two words").run("audit", "show", "1");

        assertThat(db.jdbc().queryForList("select session_id from recshell.audit_log", String.class))
                .containsExactly("retention-2026-12-04", "retention-2026-12-04");
        assertThat(invalid.exitCode()).isEqualTo(2);
        assertThat(invalid.stderr()).contains("Invalid RECSHELL_SESSION_ID 'two words'");
    }

    @Test
    void everyEntryNamesTheOperatorTheHostTheSshClientAndTheDatabaseUser() throws IOException {
        Result result = Recshell.on(db).env("SSH_CONNECTION", "10.9.8.7 51000 10.0.0.1 22")
                .run("recordings", "find", "--user-id", "5");

        assertThat(result.exitCode()).isZero();
        Map<String, Object> entry = db.jdbc().queryForMap("select * from recshell.audit_log where id = 1");
        assertThat(entry).containsEntry("os_user", System.getProperty("user.name"))
                .containsEntry("ssh_client", "10.9.8.7 51000 10.0.0.1 22")
                .containsEntry("db_user", TestDatabase.USER);
        String host = Files.isReadable(Path.of("/etc/hostname")) ? Files.readString(Path.of("/etc/hostname")).strip()
                : (String) entry.get("host");
        assertThat(entry.get("host")).isEqualTo(host);
        assertThat((String) entry.get("host")).isNotBlank();
    }

    @Test
    void secretsTypedIntoACommandNeverReachTheAuditLogOrTheLogFile() throws IOException {
        String secret = "hunter2-" + UUID.randomUUID();
        Result result = Recshell.on(db).env("RECSHELL_LOG_LEVEL", "debug").stdin("""
                audit list --action 'x&token=%s'
                recordings find --password %s
                recordings find --db-url 'jdbc:postgresql://db1/mor?user=dba&password=%s'
                """.formatted(secret, secret, secret)).run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.all()).doesNotContain(secret);
        List<Map<String, Object>> entries = db.jdbc().queryForList(
                "select command, filters, message from recshell.audit_log order by id");
        assertThat(entries).hasSize(2);
        assertThat(entries.toString()).doesNotContain(secret);
        assertThat(entries.get(0).get("command")).isEqualTo("audit list --action 'x&token=***'");
        assertThat((String) entries.get(0).get("filters")).contains("\"action\":\"x&token=***\"");
        assertThat(entries.get(1).get("command")).isEqualTo("recordings find --password ***");
        assertThat(Files.readString(LOG)).doesNotContain(secret);
    }

    @Test
    void auditListFiltersByOutcomeActionAndTimeAndLimits() {
        Result setup = Recshell.on(db).stdin("""
                recordings find --user-id 5 --limit 1
                recordings delete --recording-id 3 --dry-run
                recordings delete --recording-id 4 --yes
                recordings find --user-id -1
                """).run();
        assertThat(setup.exitCode()).isEqualTo(2);

        assertThat(listIds("--outcome", "invalid")).containsExactly(4L);
        assertThat(listIds("--action", "delete")).containsExactly(2L, 3L);
        assertThat(listIds("--action", "delete", "--outcome", "dry_run")).containsExactly(2L);
        assertThat(listIds("--limit", "2")).hasSize(2).last().isNotEqualTo(4L);
        assertThat(listIds("--since", "253402300799")).isEmpty();
        assertThat(listIds("--acting-user", "reseller1")).isEmpty();
        Result badOutcome = Recshell.on(db).run("audit", "list", "--outcome", "deleted");
        assertThat(badOutcome.exitCode()).isEqualTo(2);
        assertThat(badOutcome.stderr()).contains("Invalid --outcome 'deleted'");
    }

    private List<Long> listIds(String... filters) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "list", "--format", "json"));
        args.addAll(List.of(filters));
        Result result = Recshell.on(db).run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode entries = JSON.readTree(result.stdout());
        return entries.valueStream().map(e -> e.get("id").asLong()).toList();
    }
}
