package io.recshell.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.recshell.support.TestDatabase;

/**
 * A recordings folder of generated audio files beside a test database whose recordings
 * are only the ones a test inserts (the sample's are removed), so that every file and row
 * is known.
 */
final class AudioFolder {

    /** 2030-01-01T00:00:00Z: after every generated sample recording. */
    static final long FIRST_SECOND = 1_893_456_000L;

    final TestDatabase db;
    final Path dir;
    private final SplittableRandom random = new SplittableRandom(7);
    private final long device;

    AudioFolder(TestDatabase db, Path dir) {
        this.db = db;
        this.dir = dir;
        db.jdbc().update("delete from recordings");
        this.device = db.jdbc().queryForObject("select min(id) from devices where user_id = 5", Long.class);
    }

    /** Inserts a recording of user 5 with this uniqueid and {@code local}; returns its id. */
    long recording(long id, String uniqueid, int local) {
        db.jdbc().update("""
                insert into recordings (id, datetime, src, dst, src_device_id, user_id, size, uniqueid, path, local)
                values (?, ?, '1001', '37060000000', ?, 5, 1000, ?, ?, ?)""",
                id, LocalDateTime.ofEpochSecond(FIRST_SECOND + id, 0, ZoneOffset.UTC), device, uniqueid,
                uniqueid + ".mp3", local);
        return id;
    }

    /** Inserts a local recording with a file of random bytes; returns the file's name. */
    String recordingWithFile(long id) {
        String uniqueid = (FIRST_SECOND + id) + "." + id;
        recording(id, uniqueid, 1);
        String name = uniqueid + ".mp3";
        write(dir.resolve(name), 100 + random.nextInt(5_000));
        return name;
    }

    byte[] write(Path file, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    Path quarantine(long auditId) {
        return dir.resolve(".recshell-quarantine").resolve(Long.toString(auditId));
    }

    /** Name to content of every regular file directly in a folder (none if it does not exist). */
    static Map<String, byte[]> contents(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> list = Files.list(folder)) {
            for (Path file : list.toList()) {
                if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    static List<String> names(Path folder) {
        return new ArrayList<>(contents(folder).keySet());
    }

    /** The audit id of the newest ok delete. */
    long lastDeleteAuditId() {
        return db.count("select max(id) from recshell.audit_log where action = 'delete' and outcome = 'ok'");
    }

    /** The archive table that holds the rows of the delete with this audit entry. */
    String archiveTable(long auditId) {
        return db.jdbc().queryForObject("""
                select r.archive_table from recshell.delete_run r
                join recshell.audit_log a on a.run_id = r.id where a.id = ?""", String.class, auditId);
    }

    /** How many rows the delete with this audit entry archived. */
    long archived(long auditId) {
        return db.count("select count(*) from recshell." + archiveTable(auditId) + " where recshell_run_id ="
                + " (select run_id from recshell.audit_log where id = ?)", auditId);
    }

    /** Puts one archived recording of a delete back by hand (not through recordings restore). */
    void restoreRow(long auditId, long recordingId) {
        db.jdbc().update("""
                insert into recordings
                select (jsonb_populate_record(null::recordings, to_jsonb(a) - 'recshell_run_id')).*
                from recshell.%s a
                where a.recshell_run_id = (select run_id from recshell.audit_log where id = ?) and a.id = ?"""
                .formatted(archiveTable(auditId)), auditId, recordingId);
    }
}
