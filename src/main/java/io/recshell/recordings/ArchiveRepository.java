package io.recshell.recordings;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of recshell's archive of deleted recordings. Rows are archived by the shape of
 * the platform's {@code recordings} table: {@code recshell.archive_N} has a column
 * {@code recshell_run_id} followed by every column of {@code recordings}, with the same
 * names and types, so that a deleted row is copied whole and exactly, columns recshell
 * does not know included. Deletes made before schema version 2 archived rows as JSON in
 * {@code recshell.archived_recording}; restore reads both.
 */
@Repository
public class ArchiveRepository {

    /** Advisory lock key that serialises the creation of archive tables ("archive!" in ASCII). */
    static final long ARCHIVE_LOCK = 0x6172636869766521L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ArchiveRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    static ArchiveRepository on(DataSource session) {
        return new ArchiveRepository(JdbcClient.create(session), new JdbcTemplate(session));
    }

    /**
     * The archive table for the current shape of {@code recordings}, created if this shape
     * is new. Must run in a transaction; creation is serialised between processes.
     *
     * @return the table's name inside schema recshell, e.g. {@code archive_1}
     */
    String tableForCurrentShape() {
        String columns = jdbc.sql("""
                select string_agg(quote_ident(attname) || ' ' || format_type(atttypid, atttypmod), ', '
                                  order by attnum)
                from pg_attribute where attrelid = 'recordings'::regclass and attnum > 0 and not attisdropped""")
                .query(String.class).single();
        jdbc.sql("select pg_advisory_xact_lock(?)").param(ARCHIVE_LOCK).query((rs, n) -> 0).list();
        List<String> known = jdbc.sql("select name from recshell.archive_table where md5(columns) = md5(?)")
                .param(columns).query(String.class).list();
        if (!known.isEmpty()) {
            return known.get(0);
        }
        String name = "archive_" + jdbc.sql("select nextval('recshell.archive_table_number')")
                .query(Long.class).single();
        template.execute("create table recshell." + name + " (recshell_run_id bigint not null, like recordings)");
        template.execute("alter table recshell." + name + " add primary key (recshell_run_id, id)");
        jdbc.sql("insert into recshell.archive_table (name, columns) values (?, ?)").params(name, columns).update();
        return name;
    }

    /**
     * Deletes those of the given ids (sorted) that still match the filter and copies each
     * deleted row whole into the archive table, in one statement. The id range lets the
     * planner walk one stretch of the primary key instead of looking up each id.
     */
    Handled deleteAndArchive(String table, long runId, long[] ids, Where where) {
        List<Object> params = new ArrayList<>();
        params.add(ids[0]);
        params.add(ids[ids.length - 1]);
        params.add(ids);
        params.addAll(where.params());
        params.add(runId);
        return template.queryForObject("""
                with gone as (
                    delete from recordings r
                    where r.id between ? and ? and r.id = any(?::bigint[]) and %s
                    returning r.*
                ), archived as (
                    insert into recshell.%s select ?, gone.* from gone
                    returning size
                )
                select count(*), coalesce(sum(size), 0) from archived""".formatted(where.sql(), table),
                (rs, n) -> new Handled(ids.length, rs.getLong(1), rs.getLong(2), ids[ids.length - 1]),
                params.toArray());
    }

    /** What a restore of the run would do: rows archived, their size, and how many exist again. */
    RestoreCounts restoreCounts(RunRepository.Run run) {
        Source source = Source.of(run);
        return jdbc.sql("""
                select count(*) as archived, coalesce(sum(s.size), 0) as bytes,
                       count(*) filter (where exists (select 1 from recordings r where r.id = s.id)) as present
                from (%s) s""".formatted(source.select("id, size", "")))
                .params(source.params(-1L))
                .query((rs, n) -> new RestoreCounts(rs.getLong("archived"), rs.getLong("bytes"), rs.getLong("present")))
                .single();
    }

    /**
     * Puts back the next {@code limit} archived rows of the run after id {@code afterId},
     * skipping rows whose id exists in {@code recordings} again.
     */
    Handled restoreNext(RunRepository.Run run, long afterId, int limit) {
        Source source = Source.of(run);
        String columns = restorableColumns(source);
        return jdbc.sql("""
                with batch as (
                    %s
                ), restored as (
                    insert into recordings (%s) overriding system value
                    select %s from batch b where not exists (select 1 from recordings r where r.id = b.id)
                    on conflict do nothing
                    returning size
                )
                select (select count(*) from batch) as considered, (select max(id) from batch) as last_id,
                       (select count(*) from restored) as restored,
                       (select coalesce(sum(size), 0) from restored) as bytes"""
                        .formatted(source.select("*", "order by id limit ?"), columns, columns))
                .params(source.params(afterId, limit))
                .query((rs, n) -> new Handled(rs.getLong("considered"), rs.getLong("restored"), rs.getLong("bytes"),
                        rs.getLong("last_id")))
                .single();
    }

    /**
     * The columns of {@code recordings} that a restore writes: those the archive has, less
     * generated columns (which the database computes again), quoted, in table order.
     */
    private String restorableColumns(Source source) {
        return jdbc.sql("""
                select string_agg(quote_ident(t.attname), ', ' order by t.attnum)
                from pg_attribute t
                where t.attrelid = 'recordings'::regclass and t.attnum > 0 and not t.attisdropped
                  and t.attgenerated = ''
                  and (cast(? as regclass) is null or exists (
                      select 1 from pg_attribute a
                      where a.attrelid = cast(? as regclass) and a.attname = t.attname
                        and a.attnum > 0 and not a.attisdropped))""")
                .params(source.qualifiedTable(), source.qualifiedTable()).query(String.class).single();
    }

    /** Where a run's rows are: an archive table, or the JSON archive of runs before version 2. */
    private record Source(String table, long runId) {

        static Source of(RunRepository.Run run) {
            return new Source(run.archiveTable(), run.id());
        }

        String qualifiedTable() {
            return table == null ? null : "recshell." + table;
        }

        /** A SELECT of the run's rows with ids above a bound, as the platform's row type. */
        String select(String columns, String tail) {
            if (table == null) {
                return "select " + columns + " from (select p.* from recshell.archived_recording a"
                        + " cross join lateral jsonb_populate_record(null::recordings, a.row_data) p"
                        + " where a.run_id = ? and a.recording_id > ?) legacy " + tail;
            }
            return "select " + columns + " from recshell." + table
                    + " where recshell_run_id = ? and id > ? " + tail;
        }

        /** The parameters of {@link #select}, followed by those of its tail. */
        Object[] params(long after, Object... tail) {
            List<Object> all = new ArrayList<>(List.of(runId, after));
            all.addAll(List.of(tail));
            return all.toArray();
        }
    }

    /** What a restore would do. */
    record RestoreCounts(long archived, long bytes, long present) {
    }

    /**
     * One batch's result: rows it looked at, rows it deleted (or restored) and their size,
     * and the last id it covered.
     */
    record Handled(long considered, long done, long bytes, long lastId) {
    }
}
