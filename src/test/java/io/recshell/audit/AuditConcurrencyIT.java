package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * Several recshell processes appending at the same time still make one gapless, valid chain.
 * The test blocks inserts into the log until every process waits with its first entry, so that
 * they all append at once: without the chain lock they would all read the same newest entry.
 */
class AuditConcurrencyIT {

    private static final int PROCESSES = 3;
    private static final int COMMANDS = 30;

    @Test
    @Timeout(600)
    void recshellProcessesWritingAtOnceKeepOneValidChain() throws Exception {
        try (TestDatabase db = TestDatabase.withSampleData(300)) {
            Result install = Recshell.on(db).run("audit", "list");
            assertThat(install.exitCode()).as(install.toString()).isZero();

            ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
            List<Future<Result>> runs = new ArrayList<>();
            try (Connection barrier = db.dataSource().getConnection()) {
                barrier.setAutoCommit(false);
                execute(barrier, "lock table recshell.audit_log in share mode");
                for (int p = 0; p < PROCESSES; p++) {
                    String script = script(p);
                    runs.add(pool.submit(() -> Recshell.on(db).env("RECSHELL_DB_LOCK_TIMEOUT_MILLIS", "170000")
                            .stdin(script).run()));
                }
                awaitWaiters(db, PROCESSES);
                barrier.rollback();
            }
            for (Future<Result> run : runs) {
                Result result = run.get();
                assertThat(result.exitCode()).as(result.toString()).isZero();
            }
            pool.shutdown();

            long expected = 1 + PROCESSES * COMMANDS;
            assertThat(db.count("select count(*) from recshell.audit_log")).isEqualTo(expected);
            assertThat(db.count("select max(id) from recshell.audit_log")).isEqualTo(expected);
            List<Map<String, Object>> sessions = db.jdbc().queryForList(
                    "select session_id, count(*) as entries from recshell.audit_log where id > 1 group by session_id");
            assertThat(sessions).hasSize(PROCESSES)
                    .allSatisfy(session -> assertThat(session.get("entries")).isEqualTo((long) COMMANDS));
            assertThat(db.count("select count(*) from recshell.audit_log where action = 'delete' and deleted = 1"))
                    .isEqualTo(PROCESSES * COMMANDS / 3);

            Result verify = Recshell.on(db).run("audit", "verify");
            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            assertThat(verify.stdout()).contains("Audit log intact: " + expected + " entries checked");
        }
    }

    /** Waits until that many lock requests wait in the database (for the table or the chain lock). */
    private static void awaitWaiters(TestDatabase db, int waiters) throws InterruptedException {
        for (int i = 0; i < 1_500; i++) {
            if (db.count("select count(*) from pg_locks where not granted and database ="
                    + " (select oid from pg_database where datname = current_database())") >= waiters) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the recshell processes never all waited to append");
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Commands of one process: finds, deletes of its own recordings, and audit reads. */
    private static String script(int process) {
        StringBuilder script = new StringBuilder();
        for (int i = 0; i < COMMANDS; i++) {
            switch (i % 3) {
                case 0 -> script.append("recordings find --user-id ").append(5 + i % 4).append(" --limit 1\n");
                case 1 -> script.append("recordings delete --recording-id ").append(1 + process * COMMANDS + i)
                        .append(" --yes\n");
                default -> script.append("audit show 1\n");
            }
        }
        return script.toString();
    }
}
