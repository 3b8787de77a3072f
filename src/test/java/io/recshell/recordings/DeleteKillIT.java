package io.recshell.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.Recshell.Running;
import io.recshell.support.TestDatabase;

/**
 * kill -9 of a running delete at several points: before its first batch commits, in the
 * middle of its batches, and after its last batch but before its closing entry. Each time
 * the table plus the archive hold the original rows exactly, the committed batch entries
 * account for every archived row, the run shows as interrupted once (even to two processes
 * that look at the same time), and restore makes the table identical to before. Runs are
 * slowed down with the test-only pause of recshell.batch.pause-millis (inside each batch
 * transaction and before the closing one).
 */
class DeleteKillIT {

    private static final String TILL = "1546300799"; // 2018-12-31 23:59:59 UTC
    private static final int BATCH = 15;

    private TestDatabase db;
    private long previewed;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.withSampleData(1_500);
        ArchiveChecks.snapshot(db);
        previewed = db.count("select count(*) from recordings where datetime < '2019-01-01'");
        assertThat(previewed).as("rows the delete will preview").isBetween(5L * BATCH, 40L * BATCH);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void killBeforeTheFirstBatchCommitsLeavesEverythingInPlace() {
        long runId = killDeleteWhen(() -> ArchiveChecks.lastRunId(db) > 0);

        assertThat(ArchiveChecks.batchEntries(db, runId)).isZero();
        assertThat(ArchiveChecks.archived(db, runId)).isZero();
        assertConsistentAndRestorable(runId);
    }

    @Test
    void killInTheMiddleOfTheBatchesLeavesCommittedBatchesArchivedAndAudited() {
        long runId = killDeleteWhen(() -> ArchiveChecks.lastRunId(db) > 0
                && ArchiveChecks.batchEntries(db, ArchiveChecks.lastRunId(db)) >= 3);

        assertThat(ArchiveChecks.archived(db, runId)).isBetween(3L * BATCH, previewed - 1);
        assertConsistentAndRestorable(runId);
    }

    @Test
    void killAfterTheLastBatchBeforeTheClosingEntry() {
        long runId = killDeleteWhen(() -> ArchiveChecks.lastRunId(db) > 0
                && ArchiveChecks.batchTotal(db, ArchiveChecks.lastRunId(db), "delete_batch") == previewed);

        assertThat(ArchiveChecks.archived(db, runId)).isEqualTo(previewed);
        assertThat(db.count("select count(*) from recordings where datetime < '2019-01-01'")).isZero();
        assertConsistentAndRestorable(runId);
    }

    @Test
    void aRunStillAtWorkIsNotTakenForInterrupted() {
        Running delete = slowDelete().start("recordings", "delete", "--date-till", TILL, "--yes");
        waitFor(() -> ArchiveChecks.lastRunId(db) > 0 && ArchiveChecks.batchEntries(db, 1) >= 1, delete);

        Result list = Recshell.on(db).run("audit", "list");
        Result finished = delete.await();

        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(finished.exitCode()).as(finished.toString()).isZero();
        assertThat(finished.stdout()).contains("Deleted " + previewed + " recordings");
        assertThat(db.count("select count(*) from recshell.audit_log where outcome = 'interrupted'")).isZero();
        assertThat(ArchiveChecks.closingEntries(db, 1, "delete")).isEqualTo(1);
    }

    private long killDeleteWhen(BooleanSupplier point) {
        Running delete = slowDelete().start("recordings", "delete", "--date-till", TILL, "--yes");
        waitFor(point, delete);
        delete.kill9();
        long runId = ArchiveChecks.lastRunId(db);
        assertThat(ArchiveChecks.closingEntries(db, runId, "delete")).as("closing entries right after the kill")
                .isZero();
        return runId;
    }

    /**
     * After a kill: table plus archive equal the original, batch entries account for the
     * archive, the next recshell start writes one interrupted entry (and only one), and
     * restoring by that entry makes the table identical to before.
     */
    private void assertConsistentAndRestorable(long runId) {
        long archived = ArchiveChecks.archived(db, runId);
        assertThat(ArchiveChecks.differenceFromSnapshot(db, runId)).as("rows not in exactly one place").isZero();
        assertThat(ArchiveChecks.batchTotal(db, runId, "delete_batch")).isEqualTo(archived);

        Running first = Recshell.on(db).start("audit", "list", "--format", "json");
        Running second = Recshell.on(db).start("audit", "list", "--format", "json");
        Result list = first.await();
        Result alsoList = second.await();
        Result again = Recshell.on(db).run("audit", "list", "--outcome", "interrupted");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(alsoList.exitCode()).as(alsoList.toString()).isZero();
        assertThat(list.stdout() + alsoList.stdout()).contains("\"outcome\":\"interrupted\"");
        assertThat(again.stdout()).contains("interrupted");
        assertThat(ArchiveChecks.closingEntries(db, runId, "delete")).as("interrupted entries").isEqualTo(1);
        long interrupted = ArchiveChecks.closingEntryId(db, runId, "delete");
        assertThat(db.jdbc().queryForMap("select outcome, deleted, matched from recshell.audit_log where id = ?",
                interrupted)).containsEntry("outcome", "interrupted").containsEntry("deleted", archived)
                .containsEntry("matched", previewed);
        Result show = Recshell.on(db).run("audit", "show", Long.toString(interrupted), "--format", "json");
        assertThat(show.stdout()).contains("\"outcome\":\"interrupted\"");

        if (archived > 0) {
            Result restore = Recshell.on(db).run("recordings", "restore", "--audit-id", Long.toString(interrupted),
                    "--yes");
            assertThat(restore.exitCode()).as(restore.toString()).isZero();
            assertThat(restore.stdout()).contains("Restored " + archived + " recording");
        }
        assertThat(ArchiveChecks.differenceOfTableFromSnapshot(db)).as("table differs from before").isZero();
        assertThat(db.count("select count(*) from recshell.delete_run where closed_at is null")).isZero();
    }

    private Recshell slowDelete() {
        return Recshell.on(db).env("RECSHELL_BATCH_MIN_SIZE", Integer.toString(BATCH))
                .env("RECSHELL_BATCH_MAX_SIZE", Integer.toString(BATCH))
                .env("RECSHELL_BATCH_FIRST_SIZE", Integer.toString(BATCH))
                .env("RECSHELL_BATCH_PAUSE_MILLIS", "400");
    }

    private static void waitFor(BooleanSupplier point, Running process) {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!point.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("recshell ended before the kill point: " + process.await());
            }
            if (System.nanoTime() > deadline) {
                process.kill9();
                throw new AssertionError("kill point not reached within 120 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
