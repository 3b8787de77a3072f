package io.recshell.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * recordings restore: rows come back exactly, columns recshell does not know included (of
 * types JSON could not carry exactly), across a change of the table's shape, skipping
 * rows that exist again; and its dry run, refusal without a terminal and bad audit ids.
 */
class RestoreIT {

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.withSampleData(400);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Result recshell(String... args) {
        return Recshell.on(db).env("RECSHELL_BATCH_MAX_SIZE", "7").run(args);
    }

    @Test
    void restorePutsBackEveryColumnExactlyIncludingUnknownOnes() {
        db.jdbc().execute("""
                alter table recordings
                    add column extra_json jsonb,
                    add column "Mixed Case" text,
                    add column extra_numeric numeric(30, 12),
                    add column extra_float double precision,
                    add column extra_bytes bytea,
                    add column extra_array text[],
                    add column extra_when timestamptz default now(),
                    add column extra_interval interval,
                    add column extra_serial bigint generated always as identity,
                    add column extra_doubled bigint generated always as (size * 2) stored""");
        db.jdbc().update("""
                update recordings set
                    extra_json = jsonb_build_object('id', id, 'nested', jsonb_build_array(1, 'two', null)),
                    "Mixed Case" = case when id % 3 = 0 then null else 'ąčę ' || id || E'\\n\\ttab' end,
                    extra_numeric = case when id % 5 = 0 then 'NaN'::numeric else id / 7.0 end,
                    extra_float = case when id % 4 = 0 then 'Infinity'::float8 else id * 0.1 + 1e-300 end,
                    extra_bytes = decode(md5(id::text), 'hex') || '\\x00ff'::bytea,
                    extra_array = array['a,b', null, '"q"'],
                    extra_when = case when id % 6 = 0 then 'infinity'::timestamptz
                                      else '2020-02-29 23:59:59.999999+00'::timestamptz end,
                    extra_interval = make_interval(days => id::int, secs => 0.5)""");
        ArchiveChecks.snapshot(db);

        Result delete = recshell("recordings", "delete", "--date-till", "1577836799", "--yes");
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        long runId = ArchiveChecks.lastRunId(db);
        long deleted = ArchiveChecks.archived(db, runId);
        assertThat(deleted).isPositive();
        assertThat(ArchiveChecks.differenceFromSnapshot(db, runId)).isZero();

        Result restore = recshell("recordings", "restore", "--audit-id", auditIdOf(runId), "--yes");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.stdout()).contains("Restored " + deleted + " recordings");
        assertThat(ArchiveChecks.differenceOfTableFromSnapshot(db)).isZero();
    }

    @Test
    void restoreAfterThePlatformAddedAColumnFillsItWithItsDefault() {
        ArchiveChecks.snapshot(db);
        Result delete = recshell("recordings", "delete", "--user-id", "5", "--yes");
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        long firstRun = ArchiveChecks.lastRunId(db);
        db.jdbc().execute("alter table recordings add column added_later text not null default 'later'");
        db.jdbc().execute("alter table recordings_before add column added_later text not null default 'later'");
        Result secondDelete = recshell("recordings", "delete", "--user-id", "6", "--yes");
        long secondRun = ArchiveChecks.lastRunId(db);

        Result first = recshell("recordings", "restore", "--audit-id", auditIdOf(firstRun), "--yes");
        Result second = recshell("recordings", "restore", "--audit-id", auditIdOf(secondRun), "--yes");

        assertThat(secondDelete.exitCode()).as(secondDelete.toString()).isZero();
        assertThat(ArchiveChecks.archiveTable(db, secondRun)).isNotEqualTo(ArchiveChecks.archiveTable(db, firstRun));
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(ArchiveChecks.differenceOfTableFromSnapshot(db)).isZero();
    }

    @Test
    void rowsThatExistAgainAreSkippedAndCounted() {
        ArchiveChecks.snapshot(db);
        recshell("recordings", "delete", "--user-id", "5", "--yes");
        long runId = ArchiveChecks.lastRunId(db);
        long archived = ArchiveChecks.archived(db, runId);
        long reused = db.count("select min(id) from recshell." + ArchiveChecks.archiveTable(db, runId));
        db.jdbc().update("insert into recordings (id, datetime, user_id, comment) values (?, now(), 5, 'new call')",
                reused);

        Result dryRun = recshell("recordings", "restore", "--audit-id", auditIdOf(runId), "--dry-run");
        Result restore = recshell("recordings", "restore", "--audit-id", auditIdOf(runId), "--yes");

        assertThat(dryRun.stdout()).startsWith("Would restore " + (archived - 1) + " recording")
                .contains("1 of the " + archived + " archived recordings exists in recordings again");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.stdout()).contains("Restored " + (archived - 1) + " recording")
                .contains("1 recording was skipped");
        assertThat(db.jdbc().queryForObject("select comment from recordings where id = ?", String.class, reused))
                .isEqualTo("new call");
        assertThat(db.count("select count(*) from recshell.audit_log where action = 'restore' and outcome = 'ok'"
                + " and deleted = ?", archived - 1)).isEqualTo(1);
    }

    @Test
    void aDeleteArchivedAsJsonBeforeSchemaVersionTwoIsRestoredToo() {
        assertThat(recshell("recordings", "find", "--limit", "0").exitCode()).isZero();
        ArchiveChecks.snapshot(db);
        long runId = db.count("""
                insert into recshell.delete_run (session_id, command, filters, matched, closed_at)
                values ('v1-session', 'recordings delete --user-id 5 --yes', '{}', 0, now()) returning id""");
        db.jdbc().update("""
                with gone as (delete from recordings r where r.user_id = 5 returning r.*)
                insert into recshell.archived_recording (run_id, recording_id, size, row_data)
                select ?, gone.id, gone.size, to_jsonb(gone) from gone""", runId);
        // The entry as a version 1 delete wrote it; this test does not look at the hash chain,
        // so the superuser lets it past the append check for this one insert.
        db.jdbc().execute("alter table recshell.audit_log disable trigger audit_log_check_append");
        long auditId = db.count("""
                insert into recshell.audit_log (id, at, action, command, filters, os_user, host, db_user, session_id,
                                                outcome, run_id, prev_hash, hash)
                select max(id) + 1, now(), 'delete', 'recordings delete --user-id 5 --yes', '{}', 'dba', 'host',
                       'postgres', 'v1-session', 'ok', ?, 'x', 'x'
                from recshell.audit_log returning id""", runId);
        db.jdbc().execute("alter table recshell.audit_log enable always trigger audit_log_check_append");
        assertThat(db.count("select count(*) from recordings where user_id = 5")).isZero();

        Result restore = recshell("recordings", "restore", "--audit-id", Long.toString(auditId), "--yes");

        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(ArchiveChecks.differenceOfTableFromSnapshot(db)).isZero();
    }

    @Test
    void restoreWithoutTerminalNeedsYesAndChangesNothing() {
        recshell("recordings", "delete", "--user-id", "5", "--yes");
        long count = db.count("select count(*) from recordings");

        Result restore = recshell("recordings", "restore", "--audit-id", auditIdOf(ArchiveChecks.lastRunId(db)));

        assertThat(restore.exitCode()).as(restore.toString()).isEqualTo(2);
        assertThat(restore.stdout()).startsWith("Would restore ");
        assertThat(restore.stderr()).contains("Run again with --yes");
        assertThat(db.count("select count(*) from recordings")).isEqualTo(count);
        assertThat(db.count("select count(*) from recshell.audit_log where action = 'restore'"
                + " and outcome = 'invalid'")).isEqualTo(1);
    }

    @Test
    void auditIdsThatNameNoDeleteAreRefused() {
        Result find = recshell("recordings", "find", "--user-id", "5");
        Result notADelete = recshell("recordings", "restore", "--audit-id", "1", "--yes");
        Result missing = recshell("recordings", "restore", "--audit-id", "999", "--yes");
        Result noId = recshell("recordings", "restore", "--yes");

        assertThat(find.exitCode()).isZero();
        assertThat(notADelete.exitCode()).isEqualTo(2);
        assertThat(notADelete.stderr()).contains("Audit entry 1 is a find entry");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.stderr()).contains("Audit entry 999 was not found");
        assertThat(noId.exitCode()).isEqualTo(2);
        assertThat(noId.stderr()).contains("--audit-id");
    }

    private String auditIdOf(long runId) {
        return Long.toString(ArchiveChecks.closingEntryId(db, runId, "delete"));
    }
}
