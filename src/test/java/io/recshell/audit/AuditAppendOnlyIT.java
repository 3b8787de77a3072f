package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;
import io.recshell.support.TestRole;

/**
 * The deployment docs/audit-log.md recommends: schema recshell owned by one role, recshell run
 * day to day by an operator role set up with recshell.grant_operator. The operator works, and
 * nobody, the owner and a superuser included, changes or removes an entry with plain SQL.
 */
class AuditAppendOnlyIT {

    private static TestRole owner;
    private static TestRole operator;
    private static TestDatabase db;

    @BeforeAll
    static void deployWithAnOwnerAndAnOperator() {
        owner = TestRole.create("owner");
        operator = TestRole.create("operator");
        db = TestDatabase.withSampleData(100);
        db.jdbc().execute("grant create on database " + db.name() + " to " + owner.name());
        db.jdbc().execute("grant select on users, devices to " + operator.name());
        db.jdbc().execute("grant select, delete on recordings to " + operator.name());

        Result install = as(owner).run("audit", "list");
        assertThat(install.exitCode()).as(install.toString()).isZero();
        owner.jdbc(db).execute("select recshell.grant_operator('" + operator.name() + "')");

        Result delete = as(operator).run("recordings", "delete", "--recording-id", "3", "--yes");
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
    }

    @AfterAll
    static void dropEverything() {
        db.close();
        operator.close();
        owner.close();
    }

    @Test
    void theOperatorRunsRecshellWithoutOwningItsSchema() {
        Result verify = as(operator).run("audit", "verify");

        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.stdout()).contains("Audit log intact");
        assertThat(db.jdbc().queryForObject("select tableowner from pg_tables where schemaname = 'recshell'"
                + " and tablename = 'audit_log'", String.class)).isEqualTo(owner.name());
        assertThat(db.jdbc().queryForObject("select db_user from recshell.audit_log where action = 'delete'",
                String.class)).isEqualTo(operator.name());
    }

    @Test
    void theOperatorCannotUpdateDeleteOrTruncateTheLog() {
        JdbcTemplate sql = operator.jdbc(db);

        assertRefused(() -> sql.update("update recshell.audit_log set message = 'nothing happened'"),
                "permission denied for table audit_log");
        assertRefused(() -> sql.update("delete from recshell.audit_log where action = 'delete'"),
                "permission denied for table audit_log");
        assertRefused(() -> sql.execute("truncate recshell.audit_log"), "permission denied for table audit_log");
    }

    @Test
    void theOperatorCannotSwitchTheGuardsOffDropThemOrDropTheLog() {
        JdbcTemplate sql = operator.jdbc(db);

        assertRefused(() -> sql.execute("alter table recshell.audit_log disable trigger audit_log_no_update_or_delete"),
                "must be owner");
        assertRefused(() -> sql.execute("drop trigger audit_log_check_append on recshell.audit_log"), "must be owner");
        assertRefused(() -> sql.execute("drop table recshell.audit_log"), "must be owner");
        assertRefused(() -> sql.execute("create or replace function recshell.audit_log_append_only() returns trigger"
                + " language plpgsql as $$ begin return old; end $$"), "permission denied for schema recshell");
    }

    @Test
    void theOperatorCanAppendOnlyAtTheEndInItsOwnNameAndAtThePresentTime() {
        Map<String, Object> newest = db.jdbc().queryForMap(
                "select id, hash from recshell.audit_log order by id desc limit 1");
        long next = (Long) newest.get("id") + 1;
        String prev = (String) newest.get("hash");
        Instant now = db.jdbc().queryForObject("select clock_timestamp()", Timestamp.class).toInstant();

        assertRefused(() -> forge(next + 1, prev, operator.name(), now), "a new entry must have id " + next);
        assertRefused(() -> forge(next - 1, prev, operator.name(), now), "a new entry must have id " + next);
        assertRefused(() -> forge(next, "f".repeat(64), operator.name(), now), "must name the hash of entry");
        assertRefused(() -> forge(next, prev, TestDatabase.USER, now), "must be written in the name of "
                + operator.name());
        assertRefused(() -> forge(next, prev, operator.name(), now.minusSeconds(3600)),
                "must carry the time of the database clock now");
    }

    @Test
    void theOwnerCannotUpdateDeleteOrTruncateTheLogEither() {
        JdbcTemplate sql = owner.jdbc(db);

        assertRefused(() -> sql.update("update recshell.audit_log set message = 'nothing happened'"),
                "recshell.audit_log is append-only: UPDATE is not allowed");
        assertRefused(() -> sql.update("delete from recshell.audit_log"),
                "recshell.audit_log is append-only: DELETE is not allowed");
        assertRefused(() -> sql.execute("truncate recshell.audit_log"),
                "recshell.audit_log is append-only: TRUNCATE is not allowed");
    }

    @Test
    void aSuperuserInReplicaModeIsStoppedByTheGuardsToo() {
        assertRefused(() -> db.jdbc().execute((ConnectionCallback<Integer>) connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set session_replication_role = replica");
                return statement.executeUpdate("delete from recshell.audit_log");
            }
        }), "recshell.audit_log is append-only: DELETE is not allowed");
    }

    private static void forge(long id, String prevHash, String dbUser, Instant at) {
        operator.jdbc(db).update("""
                insert into recshell.audit_log (id, at, action, command, filters, os_user, host, db_user,
                                                session_id, outcome, prev_hash, hash)
                values (?, ?, 'find', 'recordings find', '{}', 'dba', 'db1', ?, 'forged', 'ok', ?, ?)""",
                id, Timestamp.from(at), dbUser, prevHash, "0".repeat(64));
    }

    /** The statement fails with the message, and the log is exactly as it was. */
    private static void assertRefused(Runnable statement, String message) {
        String before = fingerprint();
        assertThatThrownBy(statement::run).rootCause().hasMessageContaining(message);
        assertThat(fingerprint()).isEqualTo(before);
    }

    private static String fingerprint() {
        return db.jdbc().queryForObject("select count(*) || ':' || coalesce(md5(string_agg(id || '|' || message"
                + " || '|' || hash, ',' order by id)), '') from recshell.audit_log", String.class);
    }

    private static Recshell as(TestRole role) {
        return Recshell.on(db).env("PGUSER", role.name());
    }
}
