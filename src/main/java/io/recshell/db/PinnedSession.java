package io.recshell.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One database session kept for the whole of a long operation (a delete or restore run):
 * every transaction of the operation runs on it, so that a session advisory lock taken on
 * it lives exactly as long as the operation can still commit anything. If the process
 * dies, PostgreSQL ends the session and the lock goes with it.
 *
 * <pre>
 * try (PinnedSession session = PinnedSession.open(pool)) {
 *     session.transactions().execute(status -&gt; ...);   // always the same connection
 * }
 * </pre>
 */
public final class PinnedSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PinnedSession.class);

    private final Connection connection;
    private final SingleConnectionDataSource dataSource;
    private final TransactionTemplate transactions;

    private PinnedSession(Connection connection) {
        this.connection = connection;
        this.dataSource = new SingleConnectionDataSource(connection, true);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Takes a connection from the pool (with the pool's timeouts) and keeps it. */
    public static PinnedSession open(DataSource pool) {
        return new PinnedSession(DataSourceUtils.getConnection(pool));
    }

    /** A data source that always hands out this session's connection. */
    public DataSource dataSource() {
        return dataSource;
    }

    public TransactionTemplate transactions() {
        return transactions;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    public JdbcTemplate template() {
        return new JdbcTemplate(dataSource);
    }

    /** Gives the connection back to the pool, which drops it if it is broken. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing a pinned session failed", e);
        }
    }
}
