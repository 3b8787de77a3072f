package io.recshell.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.recshell.shell.RecshellException;

/**
 * Creates the sample platform tables (db/sample/platform-schema.sql) if they are missing
 * and fills them with {@link SampleDataGenerator} data through COPY. Used by the demo, the
 * tests and the benchmarks; never needed against a real MOR database.
 */
@Component
public class SampleDataLoader {

    private final DataSource dataSource;

    public SampleDataLoader(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What was loaded. */
    public record Loaded(int users, int devices, int recordings) {
    }

    /** How many rows the platform tables hold, and in which database. */
    public record Existing(String database, long users, long devices, long recordings) {

        public boolean isEmpty() {
            return users == 0 && devices == 0 && recordings == 0;
        }

        @Override
        public String toString() {
            return users + " users, " + devices + " devices and " + recordings + " recordings";
        }
    }

    /** The rows that {@code --replace} would remove (zeros where a table does not exist yet). */
    public Existing existing() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            String database;
            try (var rs = statement.executeQuery("select current_database()")) {
                rs.next();
                database = rs.getString(1);
            }
            return new Existing(database, rows(statement, "users"), rows(statement, "devices"),
                    rows(statement, "recordings"));
        } catch (SQLException e) {
            throw new RecshellException(io.recshell.shell.ExitCode.DATABASE, "Counting the platform tables failed: "
                    + e.getMessage(), e);
        }
    }

    /** Rows of one platform table (a fixed name, never user input), 0 if it does not exist. */
    private static long rows(Statement statement, String table) throws SQLException {
        try (var rs = statement.executeQuery("select to_regclass('" + table + "') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return 0;
            }
        }
        try (var rs = statement.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public Loaded load(int recordings, long seed, boolean replace) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local statement_timeout = 0");
                statement.execute(schemaSql());
                if (hasRows(statement)) {
                    if (!replace) {
                        throw RecshellException.invalid("The platform tables already hold data; demo load only"
                                + " fills empty ones. Add --replace to delete the existing sample data first"
                                + " (never do that on a real MOR database).");
                    }
                    statement.execute("truncate recordings, devices, users");
                }
            }
            Loaded loaded = copy(connection, recordings, seed);
            connection.commit();
            try (Statement statement = connection.createStatement()) {
                connection.setAutoCommit(true);
                statement.execute("analyze users; analyze devices; analyze recordings");
            }
            return loaded;
        } catch (SQLException e) {
            throw new RecshellException(io.recshell.shell.ExitCode.DATABASE, "Loading sample data failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasRows(Statement statement) throws SQLException {
        try (var rs = statement.executeQuery("select exists (select 1 from users) or exists (select 1 from devices)"
                + " or exists (select 1 from recordings)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static Loaded copy(Connection connection, int recordings, long seed) throws SQLException, IOException {
        SampleDataGenerator generator = new SampleDataGenerator(seed, recordings);
        PGConnection pg = connection.unwrap(PGConnection.class);
        try (BufferedWriter out = copyWriter(pg, "copy users (id, username, usertype, owner_id, first_name,"
                + " last_name, time_zone) from stdin")) {
            for (SampleDataGenerator.User u : generator.users()) {
                out.write(u.id() + "\t" + u.username() + "\t" + u.usertype() + "\t" + u.ownerId() + "\t"
                        + u.firstName() + "\t" + u.lastName() + "\tUTC\n");
            }
        }
        try (BufferedWriter out = copyWriter(pg, "copy devices (id, user_id, name, extension) from stdin")) {
            for (SampleDataGenerator.Device d : generator.devices()) {
                out.write(d.id() + "\t" + d.userId() + "\t" + d.name() + "\t" + d.extension() + "\n");
            }
        }
        try (BufferedWriter out = copyWriter(pg, "copy recordings (" + SampleDataGenerator.RECORDING_COLUMNS
                + ") from stdin")) {
            generator.writeRecordings(out);
        }
        return new Loaded(generator.users().size(), generator.devices().size(), recordings);
    }

    private static BufferedWriter copyWriter(PGConnection pg, String sql) throws SQLException {
        return new BufferedWriter(new OutputStreamWriter(new PGCopyOutputStream(pg, sql, 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }

    static String schemaSql() throws IOException {
        try (InputStream in = new ClassPathResource("db/sample/platform-schema.sql").getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
