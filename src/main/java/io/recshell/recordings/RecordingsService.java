package io.recshell.recordings;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.recshell.access.AccessRules;
import io.recshell.audit.AuditEntry;
import io.recshell.audit.AuditTrail;
import io.recshell.audit.Outcome;
import io.recshell.audit.PendingEntry;
import io.recshell.db.PinnedSession;
import io.recshell.shell.RecshellException;

/**
 * The steps of finding and deleting recordings, between the commands (which parse and
 * print) and the repository (which owns the SQL).
 */
@Service
public class RecordingsService {

    private static final int SAMPLE_ROWS = 5;
    private static final Logger log = LoggerFactory.getLogger(RecordingsService.class);

    private final RecordingRepository recordings;
    private final AccessRules access;
    private final AuditTrail audit;
    private final Runs runs;
    private final DataSource dataSource;
    private final TransactionTemplate readSnapshot;

    public RecordingsService(RecordingRepository recordings, AccessRules access, AuditTrail audit, Runs runs,
            DataSource dataSource,
            PlatformTransactionManager transactions) {
        this.recordings = recordings;
        this.access = access;
        this.audit = audit;
        this.runs = runs;
        this.dataSource = dataSource;
        this.readSnapshot = new TransactionTemplate(transactions);
        this.readSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readSnapshot.setReadOnly(true);
    }

    /**
     * Streams up to {@code limit} matching recordings, newest first.
     *
     * @return the total number matched
     */
    public long find(RecordingFilter filter, long limit, Consumer<Long> onTotal, Consumer<RecordingRow> onRow) {
        return readSnapshot.execute(status -> {
            checkAccess(filter);
            Where where = Where.of(filter);
            long total = recordings.count(where);
            onTotal.accept(total);
            if (limit > 0 && total > 0) {
                recordings.forEachNewest(where, limit, onRow);
            }
            return total;
        });
    }

    /**
     * The dry run: checks access and existence, then takes count, size, span, owners,
     * samples and the exact ids from one snapshot (one pass over the matching rows).
     */
    public Preview preview(RecordingFilter filter) {
        long started = System.nanoTime();
        Preview preview = readSnapshot.execute(status -> {
            checkAccess(filter);
            if (filter.recordingId() != null && !recordings.exists(filter.recordingId())) {
                throw RecshellException.notFound("Recording was not found");
            }
            Where where = Where.of(filter);
            PreviewTally tally = new PreviewTally();
            recordings.tally(where, tally);
            if (tally.count() == 0) {
                throw RecshellException.notFound("Recordings were not found");
            }
            return tally.toPreview(recordings.oldest(where, SAMPLE_ROWS));
        });
        log.info("dry run: {} recordings match, taken in {} ms", preview.count(),
                (System.nanoTime() - started) / 1_000_000);
        return preview;
    }

    /**
     * Deletes exactly the previewed recordings that still match, in batches keyed by id: each
     * batch one short transaction that deletes its rows, archives them whole and writes its
     * own audit entry. The closing audit entry ({@code entry}) sums the run up.
     */
    public DeleteResult delete(RecordingFilter filter, Preview preview, PendingEntry entry) {
        return delete(filter, preview, entry, runId -> { });
    }

    /**
     * As {@link #delete(RecordingFilter, Preview, PendingEntry)}, calling {@code onRunStarted}
     * with the run id once the run exists and before its first batch (the file side of the
     * delete records its job there, so that a run whose rows are gone says where their files
     * were to go).
     */
    public DeleteResult delete(RecordingFilter filter, Preview preview, PendingEntry entry,
            LongConsumer onRunStarted) {
        Where where = Where.of(filter);
        try (PinnedSession session = PinnedSession.open(dataSource)) {
            ArchiveRepository archive = ArchiveRepository.on(session.dataSource());
            String table = session.transactions().execute(status -> archive.tableForCurrentShape());
            long runId = runs.start(session, new NewRun(RunKind.DELETE, null, audit.operator(), entry.command(),
                    audit.filtersJson(entry), entry.actingUser(), preview.count(), table));
            onRunStarted.accept(runId);

            long[] ids = preview.ids();
            Runs.Totals totals = runs.batches(session, runId, RunKind.DELETE, entry, ids.length,
                    (size, afterId) -> {
                        long[] slice = slice(ids, afterId, size);
                        return slice.length == 0 ? null : archive.deleteAndArchive(table, runId, slice, where);
                    });

            return close(session, runId, preview, entry, totals, where);
        }
    }

    /**
     * Writes the delete's closing entry, with the recordings that match now but were not
     * previewed (left alone) counted in the same transaction.
     */
    private DeleteResult close(PinnedSession session, long runId, Preview preview, PendingEntry entry,
            Runs.Totals totals, Where where) {
        long started = System.nanoTime();
        long[] leftAlone = {0};
        AuditEntry written = runs.close(session, runId, RunKind.DELETE, entry, totals, closing -> {
            leftAlone[0] = RecordingRepository.on(session.dataSource()).count(where);
            closing.runId(runId).deleted(totals.done(), totals.bytes()).matched(preview.count());
            closing.outcome(Outcome.OK, DeleteResult.describe(totals.done(), totals.bytes(), preview.count(),
                    leftAlone[0]));
        });
        log.info("run {} deleted {} recordings ({} bytes) in {} batches, audit entry {}; closing took {} ms",
                runId, totals.done(), totals.bytes(), totals.batches(), written.id(),
                (System.nanoTime() - started) / 1_000_000);
        return new DeleteResult(totals.done(), totals.bytes(), preview.count() - totals.done(), leftAlone[0],
                written.id(), runId, entry.message());
    }

    /** Up to {@code size} of the sorted ids, from the first one greater than {@code afterId}. */
    static long[] slice(long[] ids, long afterId, int size) {
        int found = Arrays.binarySearch(ids, afterId);
        int from = found >= 0 ? found + 1 : -found - 1;
        return Arrays.copyOfRange(ids, from, Math.min(ids.length, from + size));
    }

    /**
     * Denies, before anything is counted, a user id, a device or a single recording outside
     * the acting user's reach; the reach itself limits every query through {@link Where}.
     */
    private void checkAccess(RecordingFilter filter) {
        access.checkUserId(filter.access(), filter.userId());
        checkDeviceOwner(filter);
        if (filter.recordingId() != null && filter.access().isLimited() && recordings.exists(filter.recordingId())
                && recordings.count(Where.of(filter)) == 0) {
            throw RecshellException.denied();
        }
    }

    private void checkDeviceOwner(RecordingFilter filter) {
        if (filter.deviceId() == null) {
            return;
        }
        Long owner = recordings.deviceOwner(filter.deviceId()).orElse(null);
        if (owner == null || !owner.equals(filter.userId())) {
            throw RecshellException.denied();
        }
    }
}
