package io.recshell.shell;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.recshell.db.ConnectionSettings;
import io.recshell.db.DataSourceConfig;

/**
 * Ctrl-C while a command runs in the interactive shell: the shell stays, the command
 * stops. Output stops at once (the next line written ends the command as aborted), and
 * the statement the command is waiting for is cancelled on the server, from a connection
 * of its own, for recshell's own connections only (they carry this process's
 * application name). A delete or restore stops before its next batch (or inside the
 * current one, which rolls back): the run is closed as aborted, and what committed stays
 * committed, archived and audited.
 */
@Component
public class CommandInterrupter {

    private static final Logger log = LoggerFactory.getLogger(CommandInterrupter.class);

    private final ShellOutput output;
    private final ConnectionSettings settings;
    private volatile boolean running;
    private volatile boolean requested;

    public CommandInterrupter(ShellOutput output, ConnectionSettings settings) {
        this.output = output;
        this.settings = settings;
    }

    void commandStarts() {
        output.resume();
        requested = false;
        running = true;
    }

    void commandEnds() {
        running = false;
        requested = false;
        output.resume();
    }

    /** Whether Ctrl-C was pressed during the running command: long loops stop between steps. */
    public boolean requested() {
        return requested;
    }

    /** Called on SIGINT outside line editing. */
    void interrupt() {
        if (!running) {
            return;
        }
        requested = true;
        output.stop();
        Thread cancel = new Thread(this::cancelStatements, "recshell-cancel");
        cancel.setDaemon(true);
        cancel.start();
    }

    private void cancelStatements() {
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        props.setProperty("ApplicationName", DataSourceConfig.APPLICATION_NAME + " cancel");
        props.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), props);
                PreparedStatement cancel = connection.prepareStatement(
                        "select count(pg_cancel_backend(pid)) from pg_stat_activity"
                                + " where application_name = ? and state = 'active' and pid <> pg_backend_pid()")) {
            cancel.setString(1, DataSourceConfig.APPLICATION_NAME);
            cancel.executeQuery();
            log.info("Ctrl-C: cancel requested for the running statements of {}", DataSourceConfig.APPLICATION_NAME);
        } catch (SQLException e) {
            log.warn("Ctrl-C: could not cancel the running statement: {}", e.getMessage());
        }
    }
}
