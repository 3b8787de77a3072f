package io.recshell.recordings;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

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
import io.recshell.shell.RecshellException;

/**
 * The steps of finding and deleting recordings, between the commands (which parse and
 * print) and the repository (which owns the SQL).
 */
@Service
public class RecordingsService {

    /** How many ids one DELETE statement takes. */
    static final int STATEMENT_IDS = 10_000;

    private static final int SAMPLE_ROWS = 5;
    private static final Logger log = LoggerFactory.getLogger(RecordingsService.class);

    private final RecordingRepository recordings;
    private final AccessRules access;
    private final AuditTrail audit;
    private final TransactionTemplate readSnapshot;
    private final TransactionTemplate readWrite;

    public RecordingsService(RecordingRepository recordings, AccessRules access, AuditTrail audit,
            PlatformTransactionManager transactions) {
        this.recordings = recordings;
        this.access = access;
        this.audit = audit;
        this.readSnapshot = new TransactionTemplate(transactions);
        this.readSnapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.readSnapshot.setReadOnly(true);
        this.readWrite = new TransactionTemplate(transactions);
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
     * samples and the exact ids from one snapshot.
     */
    public Preview preview(RecordingFilter filter) {
        return readSnapshot.execute(status -> {
            checkAccess(filter);
            if (filter.recordingId() != null && !recordings.exists(filter.recordingId())) {
                throw RecshellException.notFound("Recording was not found");
            }
            Where where = Where.of(filter);
            long[] ids = recordings.matchingIds(where);
            if (ids.length == 0) {
                throw RecshellException.notFound("Recordings were not found");
            }
            List<RecordingRow> samples = recordings.oldest(where, SAMPLE_ROWS);
            return recordings.summarize(where, samples, ids);
        });
    }

    /**
     * Deletes exactly the previewed recordings that still match, archiving each row whole,
     * and writes the audit entry in the same transaction.
     */
    public DeleteResult delete(RecordingFilter filter, Preview preview, PendingEntry entry) {
        return delete(filter, preview, entry, runId -> { });
    }

    /**
     * As {@link #delete(RecordingFilter, Preview, PendingEntry)}, calling {@code onRunStarted}
     * with the run id once the run exists, in its transaction, before the first row is deleted
     * (the file side of the delete records its job there).
     */
    public DeleteResult delete(RecordingFilter filter, Preview preview, PendingEntry entry,
            LongConsumer onRunStarted) {
        return readWrite.execute(status -> {
            Where where = Where.of(filter);
            long runId = recordings.createRun(audit.operator().sessionId(), entry.command(),
                    audit.filtersJson(entry), entry.actingUser(), preview.count());
            onRunStarted.accept(runId);
            long deleted = 0;
            long bytes = 0;
            long[] ids = preview.ids();
            for (int from = 0; from < ids.length; from += STATEMENT_IDS) {
                long[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + STATEMENT_IDS));
                RecordingRepository.Deleted batch = recordings.deleteAndArchive(runId, chunk, where);
                deleted += batch.count();
                bytes += batch.bytes();
            }
            long leftAlone = recordings.count(where);
            String message = DeleteResult.describe(deleted, bytes, preview.count(), leftAlone);
            entry.runId(runId).deleted(deleted, bytes).matched(preview.count());
            entry.outcome(Outcome.OK, message);
            AuditEntry written = audit.appendInCurrentTransaction(entry);
            log.info("run {} deleted {} recordings ({} bytes), audit entry {}", runId, deleted, bytes, written.id());
            return new DeleteResult(deleted, bytes, preview.count() - deleted, leftAlone, written.id(), message);
        });
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
