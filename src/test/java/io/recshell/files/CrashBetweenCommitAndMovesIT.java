package io.recshell.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * kill -9 of a delete after its rows' deletion committed and before any file moved. The
 * test holds a lock on recshell.file_pass, which a delete first needs after its commit
 * (to start its move pass), so the process is reliably caught in between; then the files
 * are still in DIR, orphans reports them, and a resume or the next delete moves them.
 */
class CrashBetweenCommitAndMovesIT {

    @TempDir
    Path tmp;

    private TestDatabase db;
    private AudioFolder audio;

    @BeforeEach
    void createDatabaseAndFolder() throws Exception {
        db = TestDatabase.withSampleData(50);
        audio = new AudioFolder(db, Files.createDirectory(tmp.resolve("recordings")));
        Result migrate = Recshell.on(db).run("recordings", "find", "--limit", "0");
        assertThat(migrate.exitCode()).as(migrate.toString()).isZero();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void resumeFinishesTheMovesAndOrphansShowsTheLeftoversUntilThen() throws Exception {
        Map<String, byte[]> files = createRecordingsWithFiles(1, 10);
        long auditId = deleteAndKillAfterCommit("--user-id", "5");

        assertThat(db.count("select count(*) from recordings")).isZero();
        assertThat(audio.archived(auditId)).isEqualTo(10);
        assertThat(AudioFolder.names(audio.dir)).containsExactlyElementsOf(files.keySet());
        assertThat(db.count("select count(*) from recshell.file_job where state = 'pending'")).isEqualTo(1);

        Result orphans = Recshell.on(db).run("recordings", "orphans", "--dir", audio.dir.toString(), "--format",
                "csv");
        assertThat(orphans.exitCode()).as(orphans.toString()).isZero();
        assertThat(orphans.stdout().lines().filter(l -> l.startsWith("file_without_recording,"))).hasSize(10);

        Result resume = Recshell.on(db).run("recordings", "files", "resume", "--audit-id", Long.toString(auditId));
        assertThat(resume.exitCode()).as(resume.toString()).isZero();
        assertThat(resume.stdout()).contains("10 moved to quarantine");
        assertThat(AudioFolder.names(audio.dir)).isEmpty();
        Map<String, byte[]> quarantined = AudioFolder.contents(audio.quarantine(auditId));
        assertThat(quarantined).containsOnlyKeys(files.keySet());
        files.forEach((name, content) -> assertThat(quarantined.get(name)).isEqualTo(content));
        assertThat(db.count("select count(*) from recshell.file_job where state = 'done'")).isEqualTo(1);

        Result again = Recshell.on(db).run("recordings", "files", "resume", "--audit-id", Long.toString(auditId));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("10 moved to quarantine").contains("10 of them by an earlier pass")
                .contains("0 absent");
        Result clean = Recshell.on(db).run("recordings", "orphans", "--dir", audio.dir.toString(), "--format", "csv");
        assertThat(clean.stdout().lines().count()).isEqualTo(1);
    }

    @Test
    void theNextDeleteWithFilesFinishesTheMovesOfTheKilledOne() throws Exception {
        createRecordingsWithFiles(1, 5);
        long killed = deleteAndKillAfterCommit("--user-id", "5");
        String later = audio.recordingWithFile(6);

        Result next = Recshell.on(db).run("recordings", "delete", "--recording-id", "6", "--files",
                audio.dir.toString(), "--yes");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.stdout()).contains("Finished earlier: Files of the delete of audit entry " + killed
                + ": 5 moved to quarantine");
        assertThat(AudioFolder.names(audio.quarantine(killed))).hasSize(5);
        assertThat(AudioFolder.names(audio.quarantine(audio.lastDeleteAuditId()))).containsExactly(later);
        assertThat(AudioFolder.names(audio.dir)).isEmpty();
        assertThat(db.count("select count(*) from recshell.file_job where state = 'pending'")).isZero();
    }

    private Map<String, byte[]> createRecordingsWithFiles(long from, long to) {
        for (long id = from; id <= to; id++) {
            audio.recordingWithFile(id);
        }
        return AudioFolder.contents(audio.dir);
    }

    /** Runs a delete with --files, kills it (SIGKILL) once its rows are committed; returns its audit id. */
    private long deleteAndKillAfterCommit(String... filter) throws Exception {
        try (Connection blocker = db.dataSource().getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("lock table recshell.file_pass in exclusive mode");
            }
            List<String> args = new ArrayList<>(List.of("recordings", "delete"));
            args.addAll(List.of(filter));
            args.addAll(List.of("--files", audio.dir.toString(), "--yes"));
            // Wait on the test's lock instead of giving up after the default 2 s.
            Recshell.Running delete = Recshell.on(db).env("RECSHELL_DB_LOCK_TIMEOUT_MILLIS", "600000")
                    .start(args.toArray(String[]::new));
            Result killed;
            try {
                waitUntil(delete, () -> db.count("select count(*) from recshell.audit_log where action = 'delete'"
                        + " and outcome = 'ok'") == 1 && db.count("""
                        select count(*) from pg_locks l join pg_class c on c.oid = l.relation
                        where c.relname = 'file_pass' and not l.granted""") > 0);
            } finally {
                killed = delete.kill9();
            }
            assertThat(killed.exitCode()).as(killed.toString()).isEqualTo(137);
            blocker.rollback();
        }
        long auditId = audio.lastDeleteAuditId();
        long runId = db.count("select run_id from recshell.audit_log where id = ?", auditId);
        // The killed process's lock connection ends when PostgreSQL notices the closed socket.
        waitUntil(null, () -> db.count("select count(*) from pg_locks where locktype = 'advisory' and classid = ?"
                + " and objid = ? and objsubid = 2", (long) FileLock.LOCK_SPACE, (long) FileLock.key(runId)) == 0);
        return auditId;
    }

    private static void waitUntil(Recshell.Running process, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (process != null && !process.isAlive()) {
                throw new AssertionError("recshell ended before the condition: " + process.await());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 120 s");
            }
            Thread.sleep(50);
        }
    }
}
