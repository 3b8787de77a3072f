package io.recshell.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recordings;
import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.Recshell.Running;
import io.recshell.support.TestDatabase;

/**
 * Deletes meeting the platform at work: a session holding the table or a row (recshell
 * gives up with exit 6, no batch half-done, everything accounted), two recshell deletes
 * over overlapping rows at once, a recording that starts to match after the preview, and
 * progress that reaches the log file but never piped output.
 */
class DeleteConcurrencyIT {

    private static final String TILL = "1577836799"; // 2019-12-31 23:59:59 UTC

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.withSampleData(1_000);
        ArchiveChecks.snapshot(db);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Recshell recshell() {
        return Recshell.on(db).env("RECSHELL_DB_LOCK_TIMEOUT_MILLIS", "500").env("RECSHELL_BATCH_MAX_SIZE", "10");
    }

    @Test
    void aSessionHoldingTheTableMakesTheDeleteGiveUpWithNothingDeleted() throws Exception {
        long before = db.count("select count(*) from recordings");
        Result result;
        try (Connection platform = db.dataSource().getConnection(); Statement statement = platform.createStatement()) {
            platform.setAutoCommit(false);
            statement.execute("lock table recordings in share mode");
            result = recshell().run("recordings", "delete", "--date-till", TILL, "--yes");
            platform.rollback();
        }

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stderr()).contains("Gave up waiting for a lock (lock_timeout)")
                .contains("Nothing was deleted");
        assertThat(db.count("select count(*) from recordings")).isEqualTo(before);
        long runId = ArchiveChecks.lastRunId(db);
        assertThat(db.jdbc().queryForMap("select outcome, deleted from recshell.audit_log where run_id = ?"
                + " and action = 'delete'", runId)).containsEntry("outcome", "failed").containsEntry("deleted", 0L);
        assertThat(db.count("select count(*) from recshell.delete_run where closed_at is null")).isZero();
    }

    @Test
    void aLockedRowStopsTheDeleteAfterCommittedBatchesThatStayAccountedFor() throws Exception {
        long lastMatching = db.count("select max(id) from recordings where datetime < '2020-01-01'");
        Result result;
        try (Connection platform = db.dataSource().getConnection(); Statement statement = platform.createStatement()) {
            platform.setAutoCommit(false);
            statement.execute("select * from recordings where id = " + lastMatching + " for update");
            result = recshell().run("recordings", "delete", "--date-till", TILL, "--yes");
            platform.rollback();
        }
        long runId = ArchiveChecks.lastRunId(db);
        long archived = ArchiveChecks.archived(db, runId);
        Result interruptedCheck = Recshell.on(db).run("audit", "list");
        long failedEntry = ArchiveChecks.closingEntryId(db, runId, "delete");
        Result restore = Recshell.on(db).run("recordings", "restore", "--audit-id", Long.toString(failedEntry),
                "--yes");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stderr()).contains("lock_timeout").contains(archived + " recordings were deleted in ")
                .contains("earlier batches and archived");
        assertThat(archived).isPositive();
        assertThat(ArchiveChecks.batchTotal(db, runId, "delete_batch")).isEqualTo(archived);
        assertThat(db.count("select deleted from recshell.audit_log where id = ?", failedEntry)).isEqualTo(archived);
        assertThat(interruptedCheck.stdout()).doesNotContain("interrupted");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(ArchiveChecks.differenceOfTableFromSnapshot(db)).isZero();
    }

    @Test
    void twoOverlappingDeletesDeleteEachRowOnceAndCountTruly() {
        long userFive = db.count("select count(*) from recordings where user_id = 5");
        long untilTill = db.count("select count(*) from recordings where datetime < '2020-01-01'");
        long both = db.count("select count(*) from recordings where user_id = 5 and datetime < '2020-01-01'");
        assertThat(both).as("overlap").isPositive();
        Recshell slow = recshell().env("RECSHELL_BATCH_PAUSE_MILLIS", "100");

        Running byUser = slow.start("recordings", "delete", "--user-id", "5", "--yes");
        Running byDate = slow.start("recordings", "delete", "--date-till", TILL, "--yes");
        Result userResult = byUser.await();
        Result dateResult = byDate.await();

        assertThat(userResult.exitCode()).as(userResult.toString()).isZero();
        assertThat(dateResult.exitCode()).as(dateResult.toString()).isZero();
        long userRun = db.count("select run_id from recshell.audit_log where action = 'delete' and command like ?",
                "%--user-id 5%");
        long dateRun = db.count("select run_id from recshell.audit_log where action = 'delete' and command like ?",
                "%--date-till%");
        long userArchived = ArchiveChecks.archived(db, userRun);
        long dateArchived = ArchiveChecks.archived(db, dateRun);
        assertThat(userArchived + dateArchived).isEqualTo(userFive + untilTill - both);
        assertThat(db.count("select count(*) from recordings where user_id = 5 or datetime < '2020-01-01'")).isZero();
        assertThat(ArchiveChecks.differenceFromSnapshot(db, userRun, dateRun)).isZero();
        for (long run : new long[] {userRun, dateRun}) {
            long archived = ArchiveChecks.archived(db, run);
            assertThat(db.count("select deleted from recshell.audit_log where run_id = ? and action = 'delete'", run))
                    .isEqualTo(archived);
            assertThat(ArchiveChecks.batchTotal(db, run, "delete_batch")).isEqualTo(archived);
        }
        assertThat(userResult.stdout()).contains("Deleted " + userArchived + " recording");
        assertThat(dateResult.stdout()).contains("Deleted " + dateArchived + " recording");
    }

    @Test
    void onATerminalTheDeleteDrawsAProgressBar() throws Exception {
        long previewed = db.count("select count(*) from recordings where datetime < '2020-01-01'");
        // script(1) runs the command on a pseudo-terminal, as an SSH session would.
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", String.join(" ", Recshell.jvm())
                + " recordings delete --date-till " + TILL + " --yes", "/dev/null");
        builder.environment().putAll(db.env());
        builder.environment().put("RECSHELL_BATCH_MAX_SIZE", "10");
        builder.environment().put("RECSHELL_BATCH_PAUSE_MILLIS", "30");
        builder.environment().put("RECSHELL_LOG", Path.of("target", "it-logs", "recshell.log").toAbsolutePath()
                .toString());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE).redirectErrorStream(true);
        Process process = builder.start();
        String screen = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();

        assertThat(process.exitValue()).as(screen).isZero();
        assertThat(screen).contains("\rDeleting").contains("/" + previewed).contains("100%")
                .contains("Deleted " + previewed + " recordings");
    }

    @Test
    void aRecordingThatStartsToMatchAfterThePreviewIsLeftAloneAndReported() throws Exception {
        long previewed = db.count("select count(*) from recordings where datetime < '2020-01-01'");
        Path log = Files.createTempFile("recshell-progress", ".log");
        Running delete = recshell().env("RECSHELL_BATCH_PAUSE_MILLIS", "200")
                .env("RECSHELL_BATCH_LOG_EVERY_SECONDS", "0").env("RECSHELL_LOG", log.toString())
                .start("recordings", "delete", "--date-till", TILL, "--yes");
        while (ArchiveChecks.lastRunId(db) == 0 && delete.isAlive()) {
            Thread.sleep(20);
        }
        Recordings.insert(db, 900_100, 5, Recordings.deviceOf(db, 5), 0, 1_500_000_000L, 1234);
        Result result = delete.await();

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Deleted " + previewed + " recordings")
                .contains("1 recording that began to match after the preview was left alone")
                .doesNotContain("\r").doesNotContain("Deleting");
        assertThat(Recordings.exists(db, 900_100)).isTrue();
        assertThat(Files.readString(log)).contains("of " + previewed + " handled");
        Files.deleteIfExists(log);
    }
}
