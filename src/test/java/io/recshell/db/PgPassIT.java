package io.recshell.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import io.recshell.demo.SampleDataLoader;
import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;

/**
 * Passwords the way psql finds them. The shared test server trusts every local
 * connection, which would hide a wrong password, so this test starts a PostgreSQL server
 * of its own (initdb in a temporary folder, a free port on 127.0.0.1) that demands one.
 */
class PgPassIT {

    private static final String PASSWORD = "pg-pass:it\\s3cret";
    private static Path dir;
    private static Path data;
    private static String port;

    @BeforeAll
    static void startPasswordServer() throws Exception {
        Path bin = postgresBin();
        assumeTrue(bin != null, "PostgreSQL server binaries (initdb, pg_ctl) are needed");
        dir = Files.createTempDirectory("recshell-pgpass");
        data = dir.resolve("data");
        Path pw = Files.writeString(dir.resolve("pw"), PASSWORD + "\n");
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = Integer.toString(free.getLocalPort());
        }
        if (isRoot()) {
            run("chown", "-R", "postgres", dir.toString());
        }
        asServerUser(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=scram-sha-256", "--pwfile=" + pw, "-E", "UTF8", "--no-sync");
        asServerUser(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("log").toString(),
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dir, "-w", "start");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {Integer.parseInt(port)});
        ds.setDatabaseName("postgres");
        ds.setUser("postgres");
        ds.setPassword(PASSWORD);
        new SampleDataLoader(ds).load(50, 42, false);
    }

    @AfterAll
    static void stopPasswordServer() throws Exception {
        if (data == null) {
            return;
        }
        asServerUser(postgresBin().resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop");
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void thePasswordComesFromPgpassfile() throws Exception {
        Path pgpass = pgpass("127.0.0.1:" + port + ":postgres:postgres:" + escaped(PASSWORD));
        Result result = recshell().env("PGPASSFILE", pgpass.toString()).run("recordings", "find", "--limit", "1");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("of 50 matching recordings");
    }

    @Test
    void wildcardsInPgpassMatchAndDbUrlUsesThemToo() throws Exception {
        Path pgpass = pgpass("otherhost:*:*:*:wrong", "*:" + port + ":*:postgres:" + escaped(PASSWORD));
        Result result = Recshell.withEnv(Map.of("PGPASSFILE", pgpass.toString(), "PGUSER", "postgres"))
                .run("--db-url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "recordings", "find", "--limit", "1");
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    @Test
    void aWrongPasswordFailsWithExitSixNamingWhereButNeverThePassword() throws Exception {
        Path pgpass = pgpass("127.0.0.1:" + port + ":postgres:postgres:not-the-password");
        Result result = recshell().env("PGPASSFILE", pgpass.toString()).run("recordings", "find", "--limit", "1");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stderr()).contains("host 127.0.0.1, port " + port + ", database postgres, user postgres");
        assertThat(result.all()).doesNotContain("not-the-password").doesNotContain(PASSWORD);
        assertThat(Files.readString(Path.of("target", "it-logs", "recshell.log"))).doesNotContain("not-the-password")
                .doesNotContain(PASSWORD);
    }

    @Test
    void noPasswordAtAllFailsWithExitSix() {
        Result result = recshell().env("PGPASSFILE", dir.resolve("none").toString()).run("recordings", "find");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
        assertThat(result.stderr()).contains("port " + port);
    }

    @Test
    void aPasswordFileOnTheCommandLineWorksAndPasswordsThemselvesAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("password-" + System.nanoTime()), PASSWORD + "\n");
        Result ok = recshell().run("--db-password-file", file.toString(), "recordings", "find", "--limit", "1");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        Result refused = recshell().run("--password", PASSWORD, "recordings", "find");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(2);
        assertThat(refused.all()).doesNotContain(PASSWORD);
    }

    private static Recshell recshell() {
        return Recshell.withEnv(Map.of("PGHOST", "127.0.0.1", "PGPORT", port, "PGDATABASE", "postgres",
                "PGUSER", "postgres"));
    }

    private static Path pgpass(String... lines) throws IOException {
        Path file = dir.resolve("pgpass-" + System.nanoTime());
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** A .pgpass field escapes ':' and '\' with a backslash. */
    private static String escaped(String field) {
        return field.replace("\\", "\\\\").replace(":", "\\:");
    }

    private static Path postgresBin() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.naturalOrder()).orElse(null);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** initdb and the server refuse to run as root; as root, run them as the postgres user. */
    private static void asServerUser(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
