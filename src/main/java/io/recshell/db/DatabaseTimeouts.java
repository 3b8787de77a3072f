package io.recshell.db;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time limits that make recshell give up rather than queue behind, or block, the platform.
 * Set with the properties {@code recshell.db.connect-millis}, {@code recshell.db.lock-timeout-millis}
 * and {@code recshell.db.statement-timeout-millis} (for example the environment variable
 * {@code RECSHELL_DB_LOCK_TIMEOUT_MILLIS}).
 *
 * @param connectMillis how long to wait for a connection
 * @param lockTimeoutMillis how long any statement may wait for a lock
 * @param statementTimeoutMillis how long any one statement may run
 */
@ConfigurationProperties("recshell.db")
public record DatabaseTimeouts(Long connectMillis, Long lockTimeoutMillis, Long statementTimeoutMillis) {

    public DatabaseTimeouts {
        connectMillis = connectMillis == null ? 10_000L : connectMillis;
        lockTimeoutMillis = lockTimeoutMillis == null ? 2_000L : lockTimeoutMillis;
        statementTimeoutMillis = statementTimeoutMillis == null ? 300_000L : statementTimeoutMillis;
    }

    String sessionSettingsSql() {
        return "SET lock_timeout = " + lockTimeoutMillis + "; SET statement_timeout = " + statementTimeoutMillis
                + "; SET TIME ZONE 'UTC'";
    }
}
