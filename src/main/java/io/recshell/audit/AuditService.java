package io.recshell.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of {@code audit list}, {@code verify} and {@code export}: each reads the log in
 * id order inside one read-only REPEATABLE READ transaction, so it sees one consistent log
 * while other recshell processes keep appending, and streams the rows through a cursor.
 */
@Service
public class AuditService {

    private static final Logger log = LoggerFactory.getLogger(AuditService.class);

    private final AuditRepository repository;
    private final TransactionTemplate snapshot;

    public AuditService(AuditRepository repository, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** Recomputes the whole chain, stopping at the first break. */
    public Verification verify() {
        long started = System.nanoTime();
        Verification result = snapshot.execute(status -> {
            ChainVerifier verifier = ChainVerifier.fromStart(repository::idOfHash);
            repository.walkInOrder(null, verifier::accept);
            return new Verification(verifier.checked(), verifier.lastGood(), verifier.firstBreak());
        });
        log.info("audit verify: {} entries checked in {} ms, {}", result.checked(), millisSince(started),
                result.firstBreak().map(ChainBreak::describe).orElse("chain intact"));
        return result;
    }

    /** Hands the newest entries matching the query to the sink, oldest first; returns how many. */
    public long newest(AuditQuery query, Consumer<AuditEntry> sink) {
        return snapshot.execute(status -> {
            long[] count = new long[1];
            repository.newest(query, entry -> {
                sink.accept(entry);
                count[0]++;
            });
            return count[0];
        });
    }

    /** Hands every entry at or after {@code since} (all if null) to the sink, in id order. */
    public Exported export(Instant since, Consumer<AuditEntry> sink) {
        long started = System.nanoTime();
        Exported result = snapshot.execute(status -> {
            long[] count = new long[1];
            AuditEntry[] firstAndLast = new AuditEntry[2];
            repository.forEachInOrder(since, entry -> {
                sink.accept(entry);
                if (count[0]++ == 0) {
                    firstAndLast[0] = entry;
                }
                firstAndLast[1] = entry;
            });
            return new Exported(count[0], Optional.ofNullable(firstAndLast[0]), Optional.ofNullable(firstAndLast[1]));
        });
        log.info("audit export: {} entries written in {} ms", result.count(), millisSince(started));
        return result;
    }

    private static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }

    /**
     * What {@code audit verify} found.
     *
     * @param checked entries read, the breaking one included
     * @param lastGood the last entry that checked out (the newest, when the chain holds)
     */
    public record Verification(long checked, Optional<AuditEntry> lastGood, Optional<ChainBreak> firstBreak) {
    }

    /** What {@code audit export} wrote. */
    public record Exported(long count, Optional<AuditEntry> first, Optional<AuditEntry> last) {
    }
}
