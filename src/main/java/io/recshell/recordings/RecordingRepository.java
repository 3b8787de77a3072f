package io.recshell.recordings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL over the platform's {@code recordings}, {@code devices} and {@code users}
 * tables, which it only reads. Rows of {@code recordings} are deleted by
 * {@link ArchiveRepository}, which archives them; the platform's tables are never altered.
 */
@Repository
public class RecordingRepository {

    private static final String ROW_COLUMNS = """
            r.id, r.datetime, r.user_id, r.dst_user_id, r.src_device_id, r.dst_device_id, r.src, r.dst,
            r.size, r.path, r.uniqueid, r.local""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public RecordingRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The same SQL over one pinned session. */
    static RecordingRepository on(DataSource session) {
        return new RecordingRepository(JdbcClient.create(session), new JdbcTemplate(session));
    }

    public long count(Where where) {
        return jdbc.sql("select count(*) from recordings r where " + where.sql())
                .params(where.params()).query(Long.class).single();
    }

    /**
     * Streams the newest matching recordings (newest first) to the consumer. Must run
     * inside a transaction so that the driver fetches with a cursor, in bounded memory.
     */
    public void forEachNewest(Where where, long limit, Consumer<RecordingRow> consumer) {
        JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
        streaming.setFetchSize(1_000);
        streaming.query("select " + ROW_COLUMNS + " from recordings r where " + where.sql()
                        + " order by r.datetime desc, r.id desc limit ?",
                rs -> {
                    consumer.accept(map(rs, 0));
                }, where.paramsWith(limit));
    }

    public List<RecordingRow> oldest(Where where, int limit) {
        return jdbc.sql("select " + ROW_COLUMNS + " from recordings r where " + where.sql()
                        + " order by r.datetime, r.id limit ?")
                .params(Arrays.asList(where.paramsWith(limit))).query(RecordingRepository::map).list();
    }

    /**
     * Streams every matching row's id, size and owner into the tally, in id order, then adds
     * the time span. Must run inside a transaction: the driver then fetches with a cursor,
     * and both statements see the same rows under REPEATABLE READ. (Times are left out of
     * the stream because turning millions of them into Java values costs more than one
     * min/max query, which an index on datetime usually answers at once.)
     */
    void tally(Where where, PreviewTally tally) {
        JdbcTemplate streaming = new JdbcTemplate(template.getDataSource());
        streaming.setFetchSize(50_000);
        streaming.query("select r.id, r.size, r.user_id from recordings r where " + where.sql() + " order by r.id",
                rs -> {
                    tally.add(rs.getLong(1), rs.getLong(2), rs.getLong(3));
                }, where.params().toArray());
        jdbc.sql("select min(r.datetime), max(r.datetime) from recordings r where " + where.sql())
                .params(where.params())
                .query(rs -> {
                    tally.span(rs.getObject(1, LocalDateTime.class), rs.getObject(2, LocalDateTime.class));
                });
    }

    public boolean exists(long recordingId) {
        return jdbc.sql("select exists (select 1 from recordings where id = ?)").param(recordingId)
                .query(Boolean.class).single();
    }

    public Optional<Long> deviceOwner(long deviceId) {
        return jdbc.sql("select user_id from devices where id = ?").param(deviceId).query(Long.class).optional();
    }

    static RecordingRow map(ResultSet rs, int row) throws SQLException {
        return new RecordingRow(rs.getLong("id"), rs.getObject("datetime", LocalDateTime.class),
                rs.getLong("user_id"), rs.getLong("dst_user_id"), rs.getLong("src_device_id"),
                rs.getLong("dst_device_id"), rs.getString("src"), rs.getString("dst"), rs.getLong("size"),
                rs.getString("path"), rs.getString("uniqueid"), rs.getInt("local"));
    }
}
