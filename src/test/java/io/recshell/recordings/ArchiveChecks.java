package io.recshell.recordings;

import java.util.ArrayList;
import java.util.List;

import io.recshell.support.TestDatabase;

/**
 * Row-for-row comparisons of the platform table, recshell's archive and a snapshot taken
 * before a test deleted anything, and the counts of runs and their audit entries.
 */
final class ArchiveChecks {

    private ArchiveChecks() {
    }

    /** Copies recordings, every column, into recordings_before. */
    static void snapshot(TestDatabase db) {
        db.jdbc().execute("drop table if exists recordings_before");
        db.jdbc().execute("create table recordings_before as select * from recordings");
    }

    /** The columns of recordings, quoted, in table order. */
    static String columns(TestDatabase db) {
        return db.jdbc().queryForObject("""
                select string_agg(quote_ident(attname), ', ' order by attnum) from pg_attribute
                where attrelid = 'recordings'::regclass and attnum > 0 and not attisdropped""", String.class);
    }

    /**
     * Rows that differ between the snapshot and recordings plus the archived rows of the
     * runs, counted both ways and with duplicates (EXCEPT ALL): 0 when every original row is
     * in exactly one place, unchanged, and nothing else is there.
     */
    static long differenceFromSnapshot(TestDatabase db, long... runIds) {
        String columns = columns(db);
        List<String> parts = new ArrayList<>(List.of("select " + columns + " from recordings"));
        for (long runId : runIds) {
            parts.add("select " + columns + " from recshell." + archiveTable(db, runId)
                    + " where recshell_run_id = " + runId);
        }
        String now = String.join(" union all ", parts);
        String before = "select " + columns + " from recordings_before";
        return db.count("select count(*) from ((" + before + ") except all (" + now + ")) missing")
                + db.count("select count(*) from ((" + now + ") except all (" + before + ")) extra");
    }

    /** Rows that differ between recordings and the snapshot, both ways. */
    static long differenceOfTableFromSnapshot(TestDatabase db) {
        return differenceFromSnapshot(db);
    }

    static String archiveTable(TestDatabase db, long runId) {
        return db.jdbc().queryForObject("select archive_table from recshell.delete_run where id = ?", String.class,
                runId);
    }

    static long archived(TestDatabase db, long runId) {
        return db.count("select count(*) from recshell." + archiveTable(db, runId) + " where recshell_run_id = ?",
                runId);
    }

    /** The newest run's id, 0 if there is none yet (or recshell has not made its schema yet). */
    static long lastRunId(TestDatabase db) {
        if (db.count("select count(*) from pg_class where oid = to_regclass('recshell.delete_run')") == 0) {
            return 0;
        }
        return db.count("select coalesce(max(id), 0) from recshell.delete_run");
    }

    /** What the committed batch entries of a run say they did. */
    static long batchTotal(TestDatabase db, long runId, String action) {
        return db.count("select coalesce(sum(deleted), 0) from recshell.audit_log where run_id = ? and action = ?",
                runId, action);
    }

    static long batchEntries(TestDatabase db, long runId) {
        return db.count("select count(*) from recshell.audit_log where run_id = ? and action = 'delete_batch'",
                runId);
    }

    /** Closing entries of the run (the delete's own, or an interrupted one). */
    static long closingEntries(TestDatabase db, long runId, String action) {
        return db.count("select count(*) from recshell.audit_log where run_id = ? and action = ?", runId, action);
    }

    static long closingEntryId(TestDatabase db, long runId, String action) {
        return db.count("select id from recshell.audit_log where run_id = ? and action = ?", runId, action);
    }
}
