package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** audit list and audit show in JSON carry SPEC section 6's fields, oldest first. */
class AuditListJsonIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.withSampleData(100);
        Result setup = Recshell.on(db).env("SSH_CLIENT", "10.1.2.3 50000 22").stdin("""
                recordings find --user-id 5 --limit 1
                recordings delete --user-id 5 --date-till 1577836799 --dry-run
                recordings delete --recording-id 3 --yes
                """).run();
        assertThat(setup.exitCode()).as(setup.toString()).isZero();
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void listInJsonIsAnArrayOfTheNewestEntriesOldestFirstWithEveryField() {
        Result result = Recshell.on(db).run("audit", "list", "--limit", "2", "--action", "delete", "--format", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode entries = JSON.readTree(result.stdout());
        assertThat(entries.isArray()).isTrue();
        assertThat(entries.size()).isEqualTo(2);
        assertThat(entries.get(0).get("id").asLong()).isLessThan(entries.get(1).get("id").asLong());
        JsonNode delete = entries.get(1);
        assertThat(delete.propertyNames()).contains("id", "at", "action", "command", "filters", "acting_user",
                "os_user", "host", "ssh_client", "db_user", "session_id", "outcome", "message", "matched",
                "deleted", "deleted_bytes", "prev_hash", "hash");
        assertThat(delete.get("action").asString()).isEqualTo("delete");
        assertThat(delete.get("outcome").asString()).isEqualTo("ok");
        assertThat(delete.get("command").asString()).isEqualTo("recordings delete --recording-id 3 --yes");
        assertThat(delete.get("filters").get("recording_id").asLong()).isEqualTo(3);
        assertThat(delete.get("deleted").asLong()).isEqualTo(1);
        assertThat(delete.get("deleted_bytes").asLong()).isPositive();
        assertThat(delete.get("ssh_client").asString()).isEqualTo("10.1.2.3 50000 22");
        assertThat(delete.get("db_user").asString()).isEqualTo(TestDatabase.USER);
        assertThat(delete.get("at").asString()).endsWith("Z");
        assertThat(delete.get("prev_hash").asString()).isEqualTo(db.jdbc().queryForObject(
                "select hash from recshell.audit_log where id = ?", String.class, delete.get("id").asLong() - 1));
        assertThat(entries.get(0).get("outcome").asString()).isEqualTo("dry_run");
    }

    @Test
    void showInJsonPrintsOneEntry() {
        Result result = Recshell.on(db).run("audit", "show", "1", "--format", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode entry = JSON.readTree(result.stdout());
        assertThat(entry.get("id").asLong()).isEqualTo(1);
        assertThat(entry.get("action").asString()).isEqualTo("find");
        assertThat(entry.get("session_id").asString()).isNotBlank();
    }

    @Test
    void showOfAMissingEntryIsNotFound() {
        Result result = Recshell.on(db).run("audit", "show", "999999");
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stderr()).contains("999999");
    }
}
