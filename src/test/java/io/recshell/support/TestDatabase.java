package io.recshell.support;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import io.recshell.demo.SampleDataLoader;

/**
 * A throwaway database on the local PostgreSQL (127.0.0.1:5432, user postgres unless
 * PGUSER says otherwise): created with a unique name, filled with sample data, dropped on
 * close. Tests never touch any other database.
 */
public final class TestDatabase implements AutoCloseable {

    public static final String HOST = System.getenv().getOrDefault("RECSHELL_TEST_PGHOST", "127.0.0.1");
    public static final String PORT = System.getenv().getOrDefault("RECSHELL_TEST_PGPORT", "5432");
    public static final String USER = System.getenv().getOrDefault("RECSHELL_TEST_PGUSER", "postgres");

    private final String name;
    private final PGSimpleDataSource dataSource;
    private final JdbcTemplate jdbc;

    private TestDatabase(String name) {
        this.name = name;
        admin().execute("create database " + name);
        this.dataSource = dataSource(name);
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** An empty database: no platform tables, no recshell schema. */
    public static TestDatabase empty() {
        return new TestDatabase("recshell_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** A database with the sample platform tables holding {@code recordings} generated rows. */
    public static TestDatabase withSampleData(int recordings) {
        TestDatabase db = empty();
        new SampleDataLoader(db.dataSource).load(recordings, 42, false);
        return db;
    }

    public String name() {
        return name;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public PGSimpleDataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    /** libpq environment that points recshell at this database. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PGHOST", HOST);
        env.put("PGPORT", PORT);
        env.put("PGUSER", USER);
        env.put("PGDATABASE", name);
        return env;
    }

    public long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Override
    public void close() {
        admin().execute("drop database if exists " + name + " with (force)");
    }

    private static JdbcTemplate admin() {
        return new JdbcTemplate(dataSource("postgres"));
    }

    private static PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {Integer.parseInt(PORT)});
        ds.setDatabaseName(database);
        ds.setUser(USER);
        ds.setApplicationName("recshell-tests");
        return ds;
    }
}
