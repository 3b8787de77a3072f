package io.recshell.files;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.UncategorizedSQLException;

/**
 * Who is working on a job's files: a session-level advisory lock on a connection of its
 * own, taken when the delete run starts and held until its files are accounted for. A job
 * whose lock is free has no live owner (its process ended, perhaps killed), so another
 * recshell may finish it; two never move the same job's files at once. The lock goes with
 * the connection when the process dies.
 */
final class FileLock implements AutoCloseable {

    /** The advisory lock space of file jobs ("rfil" in ASCII); the second key is the run id. */
    static final int LOCK_SPACE = 0x7266696c;

    private static final Logger log = LoggerFactory.getLogger(FileLock.class);

    private final Connection connection;
    private final long runId;

    private FileLock(Connection connection, long runId) {
        this.connection = connection;
        this.runId = runId;
    }

    /** Takes the lock of a run's file job, or returns empty if another session holds it. */
    static Optional<FileLock> tryLock(DataSource dataSource, long runId) {
        // A connection apart from any transaction of the caller: the lock must outlive it.
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
                statement.setInt(1, LOCK_SPACE);
                statement.setInt(2, key(runId));
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new FileLock(connection, runId));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new UncategorizedSQLException("lock of file job " + runId,
                    "select pg_try_advisory_lock(?, ?)", e);
        }
    }

    static int key(long runId) {
        return (int) (runId ^ (runId >>> 32));
    }

    @Override
    public void close() {
        try (PreparedStatement statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
            statement.setInt(1, LOCK_SPACE);
            statement.setInt(2, key(runId));
            statement.execute();
        } catch (SQLException e) {
            log.warn("Could not release the lock of file job {}; it goes when the connection closes", runId, e);
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            log.debug("Closing the lock connection failed", e);
        }
    }
}
