package io.recshell.db;

import java.sql.SQLException;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.PessimisticLockingFailureException;

import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;

/**
 * Turns database failures into messages a DBA can act on, with exit code 6.
 */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static RecshellException translate(DataAccessException e) {
        String message = rootMessage(e);
        String state = sqlState(e);
        if ("55P03".equals(state) || e instanceof PessimisticLockingFailureException && message.contains("lock")) {
            return new RecshellException(ExitCode.DATABASE, "Gave up waiting for a lock (lock_timeout): " + message
                    + ". Another session holds the rows or table; nothing was changed by the failed step."
                    + " Try again later or raise recshell.db.lock-timeout-millis.", e);
        }
        if ("57014".equals(state) || e instanceof QueryTimeoutException) {
            return new RecshellException(ExitCode.DATABASE, "A statement ran past statement_timeout and was"
                    + " cancelled: " + message + ". Nothing was changed by the failed step.", e);
        }
        return new RecshellException(ExitCode.DATABASE, "Database error: " + message, e);
    }

    /** The innermost message, which is the one PostgreSQL or the network wrote. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** The SQLSTATE of the first SQLException in the cause chain, or null. */
    public static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
