package io.recshell.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code recshell.audit_log}. Appends are serialised with a transaction-level
 * advisory lock so that ids are gapless and the hash chain follows commit order even when
 * several recshell processes write at once; the lock is taken only for the append itself
 * and held until the caller's transaction ends.
 */
@Repository
public class AuditRepository {

    /** Advisory lock key of the chain append ("recshell" in ASCII). */
    static final long CHAIN_LOCK = 0x7265637368656c6cL;

    /** Rows fetched per round trip when walking the whole log. */
    static final int FETCH_SIZE = 1_000;

    private static final String COLUMNS = """
            id, at, action, command, filters, acting_user, os_user, host, ssh_client, db_user,
            session_id, outcome, message, matched, deleted, deleted_bytes, run_id, prev_hash, hash""";

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an entry as the newest link of the chain. Must run inside a READ COMMITTED
     * transaction, which the caller commits: the chain lock is held from here to the commit,
     * so call it as the last step of a transaction, never before long work.
     */
    public AuditEntry append(PendingEntry pending, Operator operator, String filtersJson) {
        ChainHead head = lockAndReadHead();
        AuditEntry unsigned = new AuditEntry(head.lastId() + 1, head.now(), pending.action(),
                SecretMasking.maskText(pending.command()), filtersJson, pending.actingUser(), operator.osUser(),
                operator.host(), operator.sshClient(), head.dbUser(), operator.sessionId(),
                pending.outcome().label(), SecretMasking.maskText(pending.message()), pending.matched(),
                pending.deleted(), pending.deletedBytes(), pending.runId(), head.prevHash(), null);
        AuditEntry entry = unsigned.withHash(AuditHasher.hash(unsigned));
        insert(entry);
        return entry;
    }

    private ChainHead lockAndReadHead() {
        // The lock and the read of the newest entry must be separate statements: in READ
        // COMMITTED each statement sees what was committed before it started, so only a read
        // that starts after the lock is granted sees the entry of the previous holder.
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 0).list();
        ChainHead head = jdbc.sql("""
                select coalesce(max(id), 0) as last_id,
                       (select hash from recshell.audit_log order by id desc limit 1) as last_hash,
                       date_trunc('microseconds', clock_timestamp()) as now,
                       current_user as db_user,
                       current_setting('transaction_isolation') as isolation
                from recshell.audit_log""")
                .query((rs, n) -> new ChainHead(rs.getLong("last_id"), rs.getString("last_hash"),
                        rs.getTimestamp("now").toInstant(), rs.getString("db_user"), rs.getString("isolation")))
                .single();
        if (!head.isolation().equals("read committed")) {
            throw new IllegalStateException("The audit append needs a READ COMMITTED transaction, not "
                    + head.isolation() + ": a snapshot taken earlier would not see the newest entry");
        }
        return head;
    }

    private void insert(AuditEntry e) {
        jdbc.sql("insert into recshell.audit_log (" + COLUMNS + ") values "
                        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), Timestamp.from(e.at()), e.action(), e.command(), e.filters(), e.actingUser(),
                        e.osUser(), e.host(), e.sshClient(), e.dbUser(), e.sessionId(), e.outcome(),
                        e.message(), e.matched(), e.deleted(), e.deletedBytes(), e.runId(), e.prevHash(),
                        e.hash())
                .update();
    }

    public Optional<AuditEntry> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from recshell.audit_log where id = ?")
                .param(id).query(AuditRepository::map).optional();
    }

    /** The id of the entry whose stored hash this is, if any (a full scan: for diagnosis only). */
    public Optional<Long> idOfHash(String hash) {
        return jdbc.sql("select id from recshell.audit_log where hash = ? order by id limit 1").param(hash)
                .query((rs, n) -> rs.getLong(1)).optional();
    }

    /**
     * Streams the newest {@code limit} entries matching the query, oldest first; from a
     * cursor when called inside a transaction, like {@link #walkInOrder}. The entries of the
     * single batches of deletes and restores are left out unless the query names their action.
     */
    public void newest(AuditQuery query, Consumer<AuditEntry> consumer) {
        JdbcClient.StatementSpec statement = jdbc.sql("select * from (select " + COLUMNS + " from recshell.audit_log"
                        + " where (cast(? as timestamptz) is null or at >= ?)"
                        + " and (cast(? as text) is null and action not in ('delete_batch', 'restore_batch')"
                        + " or action = ?)"
                        + " and (cast(? as text) is null or outcome = ?)"
                        + " and (cast(? as text) is null or acting_user = ?)"
                        + " order by id desc limit ?) newest order by id")
                .withFetchSize(FETCH_SIZE)
                .params(query.sinceTimestamp(), query.sinceTimestamp(), query.action(), query.action(),
                        query.outcome(), query.outcome(), query.actingUser(), query.actingUser(), query.limit());
        try (Stream<AuditEntry> entries = statement.query(AuditRepository::map).stream()) {
            entries.forEach(consumer);
        }
    }

    /**
     * Streams the entries in id order to the consumer while it answers true: all of them, or,
     * with {@code since}, the first entry written at or after that time and every entry after
     * it (an unbroken stretch of the chain, even if the clock once stepped back). Inside a
     * transaction the rows come from a cursor, {@value #FETCH_SIZE} at a time, so memory does
     * not grow with the log; outside one the driver would read every row first.
     */
    public void walkInOrder(Instant since, Predicate<AuditEntry> consumer) {
        String sql = "select " + COLUMNS + " from recshell.audit_log"
                + (since == null ? "" : " where id >= (select min(id) from recshell.audit_log where at >= ?)")
                + " order by id";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).withFetchSize(FETCH_SIZE);
        if (since != null) {
            statement = statement.param(Timestamp.from(since));
        }
        try (Stream<AuditEntry> entries = statement.query(AuditRepository::map).stream()) {
            Iterator<AuditEntry> iterator = entries.iterator();
            while (iterator.hasNext() && consumer.test(iterator.next())) {
                // the consumer does the work
            }
        }
    }

    /** Streams every entry in id order to the consumer, see {@link #walkInOrder}. */
    public void forEachInOrder(Instant since, Consumer<AuditEntry> consumer) {
        walkInOrder(since, entry -> {
            consumer.accept(entry);
            return true;
        });
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("action"),
                rs.getString("command"), rs.getString("filters"), rs.getString("acting_user"),
                rs.getString("os_user"), rs.getString("host"), rs.getString("ssh_client"), rs.getString("db_user"),
                rs.getString("session_id"), rs.getString("outcome"), rs.getString("message"),
                nullableLong(rs, "matched"), nullableLong(rs, "deleted"), nullableLong(rs, "deleted_bytes"),
                nullableLong(rs, "run_id"), rs.getString("prev_hash"), rs.getString("hash"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private record ChainHead(long lastId, String lastHash, Instant now, String dbUser, String isolation) {

        String prevHash() {
            return lastHash == null ? AuditHasher.GENESIS : lastHash;
        }
    }
}
