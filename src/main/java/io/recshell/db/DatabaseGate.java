package io.recshell.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.recshell.shell.ExitCode;
import io.recshell.shell.RecshellException;

/**
 * The first step of every command that needs the database: connect (naming host, port,
 * database and user when that fails), check that the platform's tables are there, and
 * bring recshell's own schema up to date with Flyway, then announce {@link DatabaseReady}.
 * Done once per process.
 */
@Component
public class DatabaseGate {

    public static final List<String> PLATFORM_TABLES = List.of("users", "devices", "recordings");

    private static final Logger log = LoggerFactory.getLogger(DatabaseGate.class);

    private final DataSource dataSource;
    private final ConnectionSettings settings;
    private final ApplicationEventPublisher events;
    private boolean connected;
    private RecshellException unreachable;
    private boolean migrated;
    private boolean platformChecked;

    public DatabaseGate(DataSource dataSource, ConnectionSettings settings, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.events = events;
    }

    /** Connects, checks the platform tables and migrates recshell's schema. */
    public synchronized void ready() {
        connect();
        if (!platformChecked) {
            List<String> missing = missingPlatformTables();
            if (!missing.isEmpty()) {
                throw new RecshellException(ExitCode.DATABASE, "The platform tables " + String.join(", ", missing)
                        + " are missing in database '" + settings.database() + "' (" + settings.describe()
                        + "). Point recshell at the MOR database with PGDATABASE or --db-url.");
            }
            platformChecked = true;
        }
        migrate();
    }

    /** Connects and migrates recshell's schema, without requiring the platform tables. */
    public synchronized void readyWithoutPlatform() {
        connect();
        migrate();
    }

    public List<String> missingPlatformTables() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> missing = new ArrayList<>();
        for (String table : PLATFORM_TABLES) {
            Boolean exists = jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, table);
            if (!Boolean.TRUE.equals(exists)) {
                missing.add(table);
            }
        }
        return missing;
    }

    private void connect() {
        if (connected) {
            return;
        }
        if (unreachable != null) {
            throw unreachable;
        }
        // One direct attempt: the pool would retry a refused connection until its timeout.
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        if (settings.password() != null) {
            properties.setProperty("password", settings.password());
        }
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("ApplicationName", "recshell");
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties)) {
            connected = connection.isValid(5);
        } catch (SQLException e) {
            log.debug("Connection failed", e);
            unreachable = new RecshellException(ExitCode.DATABASE, "Cannot connect to PostgreSQL ("
                    + settings.describe() + "): " + DatabaseErrors.rootMessage(e), e);
            throw unreachable;
        }
    }

    private void migrate() {
        if (migrated) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .schemas("recshell")
                    .defaultSchema("recshell")
                    .table("recshell_schema_history")
                    .locations("classpath:db/migration")
                    .loggers("slf4j")
                    .load()
                    .migrate();
            migrated = true;
        } catch (FlywayException e) {
            log.error("Migration of schema recshell failed", e);
            throw new RecshellException(ExitCode.DATABASE, "Cannot bring schema recshell up to date in database '"
                    + settings.database() + "': " + DatabaseErrors.rootMessage(e) + ownerHint(e), e);
        }
        events.publishEvent(new DatabaseReady());
    }

    /** An operator role may not change schema recshell: its owner applies upgrades (docs/audit-log.md). */
    private String ownerHint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "42501".equals(sql.getSQLState())) {
                return ". Role " + settings.user() + " may not change schema recshell: run recshell once as the"
                        + " schema's owner (e.g. recshell --db-user OWNER audit verify) to apply the upgrade";
            }
        }
        return "";
    }
}
