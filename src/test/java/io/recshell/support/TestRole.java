package io.recshell.support;

import java.util.UUID;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A throwaway login role on the local PostgreSQL, named {@code recshell_t_<random>_<purpose>},
 * without superuser or any other attribute; dropped on close. Close the databases it has
 * privileges in first (try-with-resources: declare the role before the database).
 */
public final class TestRole implements AutoCloseable {

    private final String name;

    private TestRole(String name) {
        this.name = name;
        admin().execute("create role " + name + " login");
    }

    public static TestRole create(String purpose) {
        return new TestRole("recshell_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "_"
                + purpose);
    }

    public String name() {
        return name;
    }

    /** Statements run as this role, in the given database. */
    public JdbcTemplate jdbc(TestDatabase db) {
        return new JdbcTemplate(dataSource(db.name(), name));
    }

    @Override
    public void close() {
        admin().execute("drop role if exists " + name);
    }

    private static JdbcTemplate admin() {
        return new JdbcTemplate(dataSource("postgres", TestDatabase.USER));
    }

    private static PGSimpleDataSource dataSource(String database, String user) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {TestDatabase.HOST});
        ds.setPortNumbers(new int[] {Integer.parseInt(TestDatabase.PORT)});
        ds.setDatabaseName(database);
        ds.setUser(user);
        ds.setApplicationName("recshell-tests");
        return ds;
    }
}
