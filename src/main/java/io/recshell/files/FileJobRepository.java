package io.recshell.files;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the file passes: recshell's {@code file_job} and {@code file_pass} tables, and
 * the reads of the archive and of the platform's {@code recordings} that tell which files
 * belong to a run and which are still needed. The platform tables are only read here.
 */
@Repository
public class FileJobRepository {

    /**
     * The rows of one run, from its archive (see {@link #archiveOf}); see {@link FileRow} for
     * {@code needed}. The first %s is the run's archived rows as (recording_id, uniqueid, local).
     */
    private static final String RUN_ROWS = """
            with run as materialized (
                %s
            ), needed as (
                select distinct r.uniqueid from recordings r
                where r.local = 1 and r.uniqueid in (select uniqueid from run where local)
            )
            select run.recording_id, run.uniqueid, run.local, needed.uniqueid is not null as needed
            from run left join needed on needed.uniqueid = run.uniqueid
            order by run.uniqueid collate "C", run.local, run.recording_id""";

    /** A run's rows in an archive table shaped like {@code recordings}. */
    private static final String TABLE_ARCHIVE = """
            select a.id as recording_id, a.uniqueid::text as uniqueid, coalesce(a.local::text = '1', false) as local
            from recshell.%s a
            where a.recshell_run_id = ?""";

    private static final Pattern ARCHIVE_TABLE = Pattern.compile("archive_[0-9]+");

    /** The same for recordings about to be deleted (a dry run): needed by any other recording. */
    private static final String PREVIEW_ROWS = """
            with doomed as materialized (
                select unnest(?::bigint[]) as id
            ), run as materialized (
                select r.id as recording_id, r.uniqueid, coalesce(r.local = 1, false) as local
                from recordings r join doomed d on d.id = r.id
            ), needed as (
                select distinct o.uniqueid from recordings o
                where o.local = 1 and o.uniqueid in (select uniqueid from run where local)
                  and not exists (select 1 from doomed d where d.id = o.id)
            )
            select run.recording_id, run.uniqueid, run.local, needed.uniqueid is not null as needed
            from run left join needed on needed.uniqueid = run.uniqueid
            order by run.uniqueid collate "C", run.local, run.recording_id""";

    private static final String JOB_COLUMNS = "run_id, dir, manifest, audit_id, state, finished_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public FileJobRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Records what a run was asked to do with its files; runs in the run's own transaction. */
    void insertJob(long runId, Path dir, Path manifest) {
        jdbc.sql("insert into recshell.file_job (run_id, dir, manifest) values (?, ?, ?)")
                .params(runId, dir == null ? null : dir.toString(), manifest == null ? null : manifest.toString())
                .update();
    }

    Optional<FileJob> job(long runId) {
        return jdbc.sql("select " + JOB_COLUMNS + " from recshell.file_job where run_id = ?").param(runId)
                .query(FileJobRepository::map).optional();
    }

    /** The run an audit entry belongs to: empty if there is no such entry, -1 if it has no run. */
    Optional<Long> runOfAuditEntry(long auditId) {
        return jdbc.sql("select coalesce(run_id, -1) from recshell.audit_log where id = ?").param(auditId)
                .query(Long.class).optional();
    }

    /** The runs whose files still wait for a pass, oldest first. */
    List<Long> pendingRuns() {
        return jdbc.sql("select run_id from recshell.file_job where state = 'pending' order by run_id")
                .query(Long.class).list();
    }

    /** The delete's own audit entry of a run, if it has been written. */
    Optional<Long> deleteAuditId(long runId) {
        return jdbc.sql("""
                select id from recshell.audit_log where run_id = ? and action = 'delete'
                order by id desc limit 1""")
                .param(runId).query(Long.class).optional();
    }

    void setAuditId(long runId, long auditId) {
        jdbc.sql("update recshell.file_job set audit_id = ? where run_id = ? and audit_id is null")
                .params(auditId, runId).update();
    }

    long startPass(long runId, String kind) {
        return jdbc.sql("insert into recshell.file_pass (run_id, kind) values (?, ?) returning id")
                .params(runId, kind).query(Long.class).single();
    }

    void finishPass(long passId, FileCounts counts, long auditEntryId) {
        jdbc.sql("""
                update recshell.file_pass set finished_at = clock_timestamp(), audit_id = ?, done = ?,
                       done_before = ?, bytes = ?, absent = ?, remote = ?, in_use = ?, kept = ?,
                       refused = ?, failed = ?
                where id = ?""")
                .params(auditEntryId, counts.done, counts.doneBefore, counts.bytes, counts.absent, counts.remote,
                        counts.inUse, counts.kept, counts.refused, counts.failed, passId)
                .update();
    }

    /** Marks a job pending or done after its moves; the first time it is done starts its quarantine age. */
    void setMoveState(long runId, boolean done) {
        jdbc.sql("""
                update recshell.file_job
                set state = ?,
                    finished_at = case when ? then coalesce(finished_at, clock_timestamp()) else finished_at end
                where run_id = ?""")
                .params(done ? FileJob.DONE : FileJob.PENDING, done, runId).update();
    }

    void setPurged(long runId) {
        jdbc.sql("update recshell.file_job set state = 'purged', purged_at = clock_timestamp() where run_id = ?")
                .param(runId).update();
    }

    /** Jobs whose quarantine may be purged: moves done at least {@code days} days ago. */
    List<FileJob> purgeCandidates(int days, Path dir) {
        String dirText = dir == null ? null : dir.toString();
        return jdbc.sql("select " + JOB_COLUMNS + """
                 from recshell.file_job
                where state = 'done' and dir is not null and audit_id is not null
                  and finished_at <= clock_timestamp() - make_interval(days => ?)
                  and (cast(? as text) is null or dir = ?)
                order by run_id""")
                .params(days, dirText, dirText).query(FileJobRepository::map).list();
    }

    /** How many jobs (in DIR, if given) still have moves to do or to retry. */
    long pendingCount(Path dir) {
        String dirText = dir == null ? null : dir.toString();
        return jdbc.sql("""
                select count(*) from recshell.file_job
                where state = 'pending' and (cast(? as text) is null or dir = ?)""")
                .params(dirText, dirText).query(Long.class).single();
    }

    /**
     * Writes the rows of a run into the spool. Must run inside a transaction, so that the
     * driver reads them with a cursor, in bounded memory.
     */
    void spoolRun(long runId, Spool spool) {
        streaming().query(RUN_ROWS.formatted(archiveOf(runId)), rs -> {
            spool.add(row(rs));
        }, runId);
    }

    /**
     * The query of a run's archived rows: a delete archives its rows in the table of schema
     * recshell that {@code recshell.delete_run.archive_table} names, which has the columns of
     * {@code recordings} (deletes before schema version 2 archived JSON, but they cannot have
     * a file job).
     */
    private String archiveOf(long runId) {
        List<String> named = jdbc.sql("select archive_table from recshell.delete_run where id = ?").param(runId)
                .query(String.class).list();
        String table = named.isEmpty() ? null : named.get(0);
        if (table == null || !ARCHIVE_TABLE.matcher(table).matches()) {
            throw new IllegalStateException("Run " + runId + " names no archive table recshell knows: " + table);
        }
        return TABLE_ARCHIVE.formatted(table);
    }

    /** Writes the rows of recordings about to be deleted into the spool (inside a transaction). */
    void spoolPreview(long[] ids, Spool spool) {
        streaming().query(PREVIEW_ROWS, rs -> {
            spool.add(row(rs));
        }, (Object) ids);
    }

    private JdbcTemplate streaming() {
        JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
        streaming.setFetchSize(10_000);
        return streaming;
    }

    private static FileRow row(ResultSet rs) throws SQLException {
        return new FileRow(rs.getLong("recording_id"), rs.getString("uniqueid"), rs.getBoolean("local"),
                rs.getBoolean("needed"));
    }

    private static FileJob map(ResultSet rs, int row) throws SQLException {
        String dir = rs.getString("dir");
        String manifest = rs.getString("manifest");
        long auditId = rs.getLong("audit_id");
        Long audit = rs.wasNull() ? null : auditId;
        Timestamp finished = rs.getTimestamp("finished_at");
        return new FileJob(rs.getLong("run_id"), dir == null ? null : Path.of(dir),
                manifest == null ? null : Path.of(manifest), audit, rs.getString("state"),
                finished == null ? null : finished.toInstant());
    }
}
