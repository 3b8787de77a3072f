package io.recshell.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code recordings orphans}: files in the recordings folder with no local recording, and
 * local recordings with no file, found by a sorted merge of two streams in bounded memory:
 * the folder's {@code <uniqueid>.mp3} entries, sorted on disk ({@link SortedEntries}), and
 * the local recordings read with a cursor in uniqueid order ({@code collate "C"}, the same
 * order). Only the folder's own entries are looked at; subfolders (the quarantine among
 * them) and other names are skipped, and nothing is followed or changed.
 */
@Service
public class OrphanReport {

    /** Entries sorted in memory at a time; about 150 bytes each. */
    static final int CHUNK = 100_000;

    private static final String LOCAL_RECORDINGS = """
            select r.id, coalesce(r.uniqueid, '') as uniqueid, r.size, r.datetime
            from recordings r
            where r.local = 1
            order by coalesce(r.uniqueid, '') collate "C", r.id""";

    private final JdbcTemplate streaming;
    private final TransactionTemplate readSnapshot;

    public OrphanReport(DataSource dataSource, PlatformTransactionManager transactions) {
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
        this.readSnapshot = new TransactionTemplate(transactions);
        this.readSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readSnapshot.setReadOnly(true);
    }

    /** What the report looked at and found. */
    public record Summary(long files, long recordings, long filesWithoutRecording, long recordingsWithoutFile,
            long notRegular, long skipped) {

        public long orphans() {
            return filesWithoutRecording + recordingsWithoutFile + notRegular;
        }
    }

    /** Streams the orphans of a folder (its real path) to the consumer, in uniqueid order. */
    public Summary report(Path dir, Consumer<Orphan> consumer) {
        try (Folder folder = Folder.open(dir); SortedEntries files = SortedEntries.of(folder, CHUNK)) {
            Merge merge = new Merge(files, consumer);
            readSnapshot.executeWithoutResult(status -> streaming.query(LOCAL_RECORDINGS, rs -> {
                LocalDateTime time = rs.getObject("datetime", LocalDateTime.class);
                merge.recording(rs.getLong("id"), rs.getString("uniqueid"), rs.getLong("size"),
                        time == null ? null : time.toInstant(ZoneOffset.UTC));
            }));
            merge.finish();
            return new Summary(files.entries(), merge.recordings, merge.filesWithoutRecording,
                    merge.recordingsWithoutFile, merge.notRegular, files.skipped());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the folder " + dir, e);
        }
    }

    /** The merge of the sorted files with the sorted local recordings. */
    private static final class Merge {

        private final SortedEntries files;
        private final Consumer<Orphan> consumer;
        private NamedEntry file;
        private boolean fileMatched;
        long recordings;
        long filesWithoutRecording;
        long recordingsWithoutFile;
        long notRegular;

        Merge(SortedEntries files, Consumer<Orphan> consumer) {
            this.files = files;
            this.consumer = consumer;
            advance();
        }

        void recording(long id, String uniqueid, long size, Instant time) {
            recordings++;
            while (file != null && NamedEntry.ORDER.compare(file.uniqueid(), uniqueid) < 0) {
                emitFile();
                advance();
            }
            if (file != null && file.uniqueid().equals(uniqueid)) {
                fileMatched = true;
                return;
            }
            recordingsWithoutFile++;
            consumer.accept(new Orphan(Orphan.RECORDING_WITHOUT_FILE, FileName.of(uniqueid), id, size, time));
        }

        void finish() {
            while (file != null) {
                emitFile();
                advance();
            }
        }

        private void advance() {
            file = files.hasNext() ? files.next() : null;
            fileMatched = false;
        }

        /** A file the merge is leaving: an orphan unless a recording matched it; odd entries always. */
        private void emitFile() {
            Entry entry = file.entry();
            String name = FileName.of(file.uniqueid());
            if (!entry.isRegular()) {
                notRegular++;
                consumer.accept(new Orphan(Orphan.NOT_A_REGULAR_FILE, name, null, 0, entry.modified()));
            } else if (!fileMatched) {
                filesWithoutRecording++;
                consumer.accept(new Orphan(Orphan.FILE_WITHOUT_RECORDING, name, null, entry.size(),
                        entry.modified()));
            }
        }
    }
}
