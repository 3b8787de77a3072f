package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * audit verify on a log written by recshell, then tampered with by a superuser (who can
 * switch the guards off): each kind of tampering is reported at the right entry, exit 7.
 */
class AuditVerifyIT {

    private static final String ENTRIES = """
            recordings find --user-id 5 --limit 1
            recordings delete --user-id 5 --date-till 1577836799 --dry-run
            recordings delete --recording-id 3 --yes
            audit list --limit 2
            audit show 1
            recordings find --recording-id 4
            """;

    private TestDatabase db;

    @BeforeEach
    void writeSixEntries() {
        db = TestDatabase.withSampleData(100);
        Result written = Recshell.on(db).stdin(ENTRIES).run();
        assertThat(written.exitCode()).as(written.toString()).isZero();
        assertThat(db.count("select count(*) from recshell.audit_log")).isEqualTo(6);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void anIntactLogIsReportedWithTheCountAndTheNewestHash() {
        String newest = db.jdbc().queryForObject("select hash from recshell.audit_log where id = 6", String.class);

        Result result = Recshell.on(db).run("audit", "verify");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Audit log intact: 6 entries checked, ids 1 to 6.")
                .contains("Newest entry 6, hash " + newest);
        assertThat(lastEntry()).containsEntry("action", "audit_verify").containsEntry("outcome", "ok")
                .containsEntry("matched", 6L);
    }

    @Test
    void anEntryEditedByASuperuserIsFound() {
        asSuperuserWithoutGuards("update recshell.audit_log set message = 'nothing matched' where id = 3");

        assertBrokenAt(3, "entry 3 no longer matches its hash: it was changed after it was written");
    }

    @Test
    void aRemovedEntryIsFound() {
        asSuperuserWithoutGuards("delete from recshell.audit_log where id = 3");

        assertBrokenAt(3, "entry 3 is missing (the log goes from entry 2 to entry 4)");
    }

    @Test
    void anEntryInsertedWithAValidHashIsFound() {
        asSuperuserWithoutGuards("""
                update recshell.audit_log set id = id + 1000 where id >= 3;
                update recshell.audit_log set id = id - 999 where id >= 1003""");
        String entryTwoHash = db.jdbc().queryForObject("select hash from recshell.audit_log where id = 2",
                String.class);
        AuditEntry forged = new AuditEntry(3, Instant.parse("2026-01-01T00:00:00Z"), "find",
                "recordings find --user-id 7", "{\"user_id\":7}", null, "dba", "db1", null, TestDatabase.USER,
                "forged-session", "ok", "0 recordings matched", 0L, null, null, null, entryTwoHash, null);
        AuditEntry signed = forged.withHash(AuditHasher.hash(forged));
        asSuperuserWithoutGuards("""
                insert into recshell.audit_log (id, at, action, command, filters, os_user, host, db_user, session_id,
                                                outcome, message, matched, prev_hash, hash)
                values (3, '2026-01-01T00:00:00Z', 'find', 'recordings find --user-id 7', '{"user_id":7}', 'dba',
                        'db1', '%s', 'forged-session', 'ok', '0 recordings matched', 0, '%s', '%s')"""
                .formatted(TestDatabase.USER, entryTwoHash, signed.hash()));

        assertBrokenAt(3, "entry 3 was inserted after the chain was written");
    }

    @Test
    void twoSwappedEntriesAreFound() {
        asSuperuserWithoutGuards("""
                update recshell.audit_log set id = -3 where id = 3;
                update recshell.audit_log set id = 3 where id = 4;
                update recshell.audit_log set id = 4 where id = -3""");

        assertBrokenAt(3, "entry 3 holds the entry written as entry 4");
    }

    @Test
    void aLogWhoseEntryWasReplacedWithARecomputedHashIsFoundAtThatEntry() {
        Map<String, Object> entry = db.jdbc().queryForMap("select * from recshell.audit_log where id = 3");
        AuditEntry original = entryOf(entry);
        AuditEntry rewritten = new AuditEntry(3, original.at(), original.action(), original.command(),
                original.filters(), original.actingUser(), original.osUser(), original.host(), original.sshClient(),
                original.dbUser(), original.sessionId(), original.outcome(), "Deleted 0 recordings", 1L, 0L, 0L,
                original.runId(), original.prevHash(), null);
        asSuperuserWithoutGuards("update recshell.audit_log set message = 'Deleted 0 recordings', deleted = 0,"
                + " deleted_bytes = 0, hash = '" + AuditHasher.hash(rewritten) + "' where id = 3");

        assertBrokenAt(3, "entry 3 was changed and its hash recomputed, or replaced: entry 4 names");
    }

    private void assertBrokenAt(long entryId, String reason) {
        Result result = Recshell.on(db).run("audit", "verify");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(7);
        assertThat(result.stderr()).as(result.toString())
                .contains("error: Audit log integrity check failed at entry " + entryId + ": " + reason);
        assertThat(result.stdout()).startsWith("Checked ");
        assertThat(lastEntry()).containsEntry("action", "audit_verify").containsEntry("outcome", "failed");
        assertThat((String) lastEntry().get("message")).contains("failed at entry " + entryId);
    }

    /** Runs statements as the superuser with the append-only guards switched off, as an attacker would. */
    private void asSuperuserWithoutGuards(String statements) {
        db.jdbc().execute("""
                alter table recshell.audit_log disable trigger audit_log_no_update_or_delete;
                alter table recshell.audit_log disable trigger audit_log_check_append;
                %s;
                alter table recshell.audit_log enable always trigger audit_log_no_update_or_delete;
                alter table recshell.audit_log enable always trigger audit_log_check_append""".formatted(statements));
    }

    private Map<String, Object> lastEntry() {
        return db.jdbc().queryForMap("select * from recshell.audit_log order by id desc limit 1");
    }

    private static AuditEntry entryOf(Map<String, Object> row) {
        return new AuditEntry((Long) row.get("id"), ((Timestamp) row.get("at")).toInstant(),
                (String) row.get("action"), (String) row.get("command"), (String) row.get("filters"),
                (String) row.get("acting_user"), (String) row.get("os_user"), (String) row.get("host"),
                (String) row.get("ssh_client"), (String) row.get("db_user"), (String) row.get("session_id"),
                (String) row.get("outcome"), (String) row.get("message"), (Long) row.get("matched"),
                (Long) row.get("deleted"), (Long) row.get("deleted_bytes"), (Long) row.get("run_id"),
                (String) row.get("prev_hash"), (String) row.get("hash"));
    }
}
