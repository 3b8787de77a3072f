package io.recshell.recordings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code recshell.delete_run}: a delete or restore run, open until its closing
 * audit entry is written, and the session advisory lock that its process holds meanwhile.
 */
@Repository
public class RunRepository {

    /** First key of a run's advisory lock ("runs" in ASCII); the second is the run id. */
    static final int RUN_LOCK = 0x72756E73;

    private final JdbcClient jdbc;

    public RunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The same SQL over one pinned session. */
    static RunRepository on(DataSource session) {
        return new RunRepository(JdbcClient.create(session));
    }

    /** Creates the run and takes its session lock; the caller commits, and only then can others see it. */
    long start(NewRun run) {
        long id = jdbc.sql("""
                insert into recshell.delete_run (kind, restores_run, session_id, command, filters, acting_user,
                                                 matched, os_user, host, ssh_client, archive_table)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(run.kind().label(), run.restoresRun(), run.operator().sessionId(), run.command(),
                        run.filtersJson(), run.actingUser(), run.matched(), run.operator().osUser(),
                        run.operator().host(), run.operator().sshClient(), run.archiveTable())
                .query(Long.class).single();
        jdbc.sql("select pg_advisory_lock(?, ?)").params(RUN_LOCK, lockKey(id)).query((rs, n) -> 0).list();
        return id;
    }

    /** Lets go of the run's session lock (the run is closed by then). */
    void release(long runId) {
        jdbc.sql("select pg_advisory_unlock(?, ?)").params(RUN_LOCK, lockKey(runId)).query((rs, n) -> 0).list();
    }

    /**
     * Whether the run is still open, taking a share lock on its row until the caller's
     * transaction ends: a batch that sees its run open commits before anyone can close it.
     */
    boolean isOpenForBatch(long runId) {
        return jdbc.sql("select closed_at is null from recshell.delete_run where id = ? for share")
                .param(runId).query(Boolean.class).single();
    }

    /**
     * Lets the current batch transaction commit without waiting for its WAL to reach disk.
     * A crash of the server can then lose the last batches whole (their rows are back in
     * recordings, with neither archive rows nor audit entries), never half of one; the run's
     * closing commit is synchronous and makes every earlier batch durable with it.
     */
    void commitBatchAsynchronously() {
        jdbc.sql("set local synchronous_commit = off").update();
    }

    /**
     * Marks the run closed unless it already is; true if this call closed it. The row lock
     * taken here makes two closers wait for each other, so a run is closed exactly once.
     */
    boolean close(long runId) {
        return jdbc.sql("update recshell.delete_run set closed_at = clock_timestamp()"
                        + " where id = ? and closed_at is null")
                .param(runId).update() == 1;
    }

    /**
     * Whether no live session holds the run's lock, taking it until the caller's transaction
     * ends. False while the run's own process is still at work.
     */
    boolean lockIfAbandoned(long runId) {
        return jdbc.sql("select pg_try_advisory_xact_lock(?, ?)").params(RUN_LOCK, lockKey(runId))
                .query(Boolean.class).single();
    }

    /** Runs not yet closed, oldest first. */
    List<Run> open() {
        return jdbc.sql("select " + RUN_COLUMNS + " from recshell.delete_run where closed_at is null order by id")
                .query(RunRepository::map).list();
    }

    Optional<Run> find(long runId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from recshell.delete_run where id = ?")
                .param(runId).query(RunRepository::map).optional();
    }

    /** What the committed batch entries of a run add up to. */
    BatchTotals batchTotals(long runId, String batchAction) {
        return jdbc.sql("""
                select count(*) as batches, coalesce(sum(deleted), 0) as done, coalesce(sum(deleted_bytes), 0) as bytes
                from recshell.audit_log where run_id = ? and action = ?""")
                .params(runId, batchAction)
                .query((rs, n) -> new BatchTotals(rs.getLong("batches"), rs.getLong("done"), rs.getLong("bytes")))
                .single();
    }

    private static int lockKey(long runId) {
        return (int) runId;
    }

    private static final String RUN_COLUMNS = """
            id, kind, restores_run, started_at, session_id, command, filters, acting_user, matched, backend_pid,
            os_user, host, ssh_client, archive_table""";

    private static Run map(ResultSet rs, int row) throws SQLException {
        long restores = rs.getLong("restores_run");
        Long restoresRun = rs.wasNull() ? null : restores;
        return new Run(rs.getLong("id"), RunKind.of(rs.getString("kind")), restoresRun,
                rs.getTimestamp("started_at").toInstant(), rs.getString("session_id"), rs.getString("command"),
                rs.getString("filters"), rs.getString("acting_user"), rs.getLong("matched"),
                rs.getInt("backend_pid"), rs.getString("os_user"), rs.getString("host"), rs.getString("ssh_client"),
                rs.getString("archive_table"));
    }

    /** A run as stored. {@code archiveTable} is null for deletes archived as JSON before V2. */
    public record Run(long id, RunKind kind, Long restoresRun, Instant startedAt, String sessionId, String command,
            String filtersJson, String actingUser, long matched, int backendPid, String osUser, String host,
            String sshClient, String archiveTable) {
    }

    /** How many batches of a run committed, the rows they handled and their size. */
    record BatchTotals(long batches, long rows, long bytes) {
    }
}
