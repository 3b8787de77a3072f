package io.recshell.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of {@code recshell.audit_log}. Appends are serialised with a transaction-level
 * advisory lock so that ids are gapless and the hash chain follows commit order even when
 * several recshell processes write at once; the lock is taken only for the append itself.
 */
@Repository
public class AuditRepository {

    /** Advisory lock key of the chain append ("recshell" in ASCII). */
    static final long CHAIN_LOCK = 0x7265637368656c6cL;

    private static final String COLUMNS = """
            id, at, action, command, filters, acting_user, os_user, host, ssh_client, db_user,
            session_id, outcome, message, matched, deleted, deleted_bytes, run_id, prev_hash, hash""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public AuditRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Appends an entry; must run inside a transaction, which the caller commits. */
    public AuditEntry append(PendingEntry pending, Operator operator, String filtersJson) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> 0).list();
        ChainHead head = jdbc.sql("""
                select coalesce(max(id), 0) as last_id,
                       (select hash from recshell.audit_log order by id desc limit 1) as last_hash,
                       date_trunc('microseconds', clock_timestamp()) as now,
                       current_user as db_user
                from recshell.audit_log""")
                .query((rs, n) -> new ChainHead(rs.getLong("last_id"), rs.getString("last_hash"),
                        rs.getTimestamp("now").toInstant(), rs.getString("db_user")))
                .single();
        AuditEntry unsigned = new AuditEntry(head.lastId() + 1, head.now(), pending.action(), pending.command(),
                filtersJson, pending.actingUser(), operator.osUser(), operator.host(), operator.sshClient(),
                head.dbUser(), operator.sessionId(), pending.outcome().label(), pending.message(),
                pending.matched(), pending.deleted(), pending.deletedBytes(), pending.runId(),
                head.lastHash() == null ? AuditHasher.GENESIS : head.lastHash(), null);
        AuditEntry entry = withHash(unsigned, AuditHasher.hash(unsigned));
        insert(entry);
        return entry;
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

    /**
     * The newest {@code limit} entries matching the query, oldest first. The entries of the
     * single batches of deletes and restores are left out unless the query names their action.
     */
    public List<AuditEntry> newest(AuditQuery query) {
        return jdbc.sql("select * from (select " + COLUMNS + " from recshell.audit_log"
                        + " where (cast(? as timestamptz) is null or at >= ?)"
                        + " and (cast(? as text) is null and action not in ('delete_batch', 'restore_batch')"
                        + " or action = ?)"
                        + " and (cast(? as text) is null or outcome = ?)"
                        + " and (cast(? as text) is null or acting_user = ?)"
                        + " order by id desc limit ?) newest order by id")
                .params(query.sinceTimestamp(), query.sinceTimestamp(), query.action(), query.action(),
                        query.outcome(), query.outcome(), query.actingUser(), query.actingUser(), query.limit())
                .query(AuditRepository::map).list();
    }

    /** Streams every entry in id order to the consumer, without holding them all. */
    public void forEachInOrder(Instant since, Consumer<AuditEntry> consumer) {
        template.setFetchSize(5_000);
        RowCallbackHandler handler = rs -> consumer.accept(map(rs, 0));
        if (since == null) {
            template.query("select " + COLUMNS + " from recshell.audit_log order by id", handler);
        } else {
            template.query("select " + COLUMNS + " from recshell.audit_log where at >= ? order by id", handler,
                    Timestamp.from(since));
        }
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

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.id(), e.at(), e.action(), e.command(), e.filters(), e.actingUser(), e.osUser(),
                e.host(), e.sshClient(), e.dbUser(), e.sessionId(), e.outcome(), e.message(), e.matched(),
                e.deleted(), e.deletedBytes(), e.runId(), e.prevHash(), hash);
    }

    private record ChainHead(long lastId, String lastHash, Instant now, String dbUser) {
    }
}
