package io.recshell.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/** Scripts from a file and from standard input: one audit entry per command, stop at the first failure. */
class ScriptsIT {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.withSampleData(200);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    private static long auditCount() {
        Long count = db.jdbc().queryForObject("select count(*) from recshell.audit_log where session_id = ("
                + "select session_id from recshell.audit_log order by id desc limit 1)", Long.class);
        return count;
    }

    @Test
    void scriptFileStopsAtFirstFailureNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("cleanup.rsh");
        Files.writeString(script, """
                # a runbook
                recordings find --user-id 5 --limit 1

                recordings delete --user-id 5 --date-till 1000 --yes
                recordings delete --user-id 5 --yes
                """);
        long recordings = db.count("select count(*) from recordings");
        Result result = Recshell.on(db).run("--file", script.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.stderr()).contains("Recordings were not found").contains(script + " line 4");
        assertThat(db.count("select count(*) from recordings")).isEqualTo(recordings);
        assertThat(auditCount()).as("one entry per command run, none for the line never reached").isEqualTo(2);
    }

    @Test
    void standardInputIsAScriptWithoutPromptsAndStopsAtFirstFailure() {
        Result result = Recshell.on(db).stdin("""
                version
                recordings find --limit 2 --format csv
                recordings find --user-id abc
                recordings find --limit 1
                """).run();
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout()).startsWith("recshell ").contains("id,time,user_id")
                .doesNotContain("recshell:" + db.name() + ">");
        assertThat(result.stderr()).contains("--user-id 'abc'").contains("<stdin> line 3");
        assertThat(auditCount()).isEqualTo(2);
    }

    @Test
    void secretGivenAsAnUnknownOptionIsNotEchoed() {
        Result result = Recshell.on(db).run("recordings", "find", "--spring.datasource.password=hunter2");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unknown option '--spring.datasource.password=***'");
        assertThat(result.all()).doesNotContain("hunter2");
    }

    @Test
    void passwordBeforeTheCommandIsRefused() {
        Result result = Recshell.on(db).run("--spring.datasource.password=hunter2", "recordings", "find");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("never accepted on the command line").contains("PGPASSWORD");
        assertThat(result.all()).doesNotContain("hunter2");
    }

    @Test
    void scriptThatRunsItselfStopsAtTheNestingLimit(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("loop.rsh");
        Files.writeString(script, "version\nscript " + script + "\n");
        Result result = Recshell.on(db).run("--file", script.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("Script " + script + " not run: scripts nest more than 16 deep")
                .doesNotContain("StackOverflowError");
        assertThat(result.stdout().lines().filter(line -> line.startsWith("recshell ")).count()).isEqualTo(16);
    }

    @Test
    void missingPasswordFileSaysWhy(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-password");
        Result result = Recshell.on(db).run("--db-password-file", missing.toString(), "recordings", "find");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("Cannot read --db-password-file " + missing + ": no such file");
    }

    @Test
    void unknownCommandIsUsageError() {
        Result result = Recshell.on(db).run("recordigns", "find");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unknown command 'recordigns'");
    }

    @Test
    void misspeltSubcommandOfAnAuditedGroupIsAudited() {
        Result result = Recshell.on(db).run("recordings", "delet", "--user-id", "5");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("recordings delete");
        assertThat(db.count("select count(*) from recshell.audit_log where command = 'recordings delet --user-id 5'"
                + " and outcome = 'invalid'")).isEqualTo(1);
    }

    @Test
    void missingPlatformTablesNameTheDatabaseAndExitSix() {
        try (TestDatabase empty = TestDatabase.empty()) {
            Result result = Recshell.on(empty).run("recordings", "find");
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
            assertThat(result.stderr()).contains(empty.name()).contains("recordings");
            assertThat(empty.count("select count(*) from pg_namespace where nspname = 'recshell'")).isZero();
        }
    }

    @Test
    void unreachableDatabaseNamesHostPortDatabaseAndUser() {
        Result result = Recshell.withEnv(java.util.Map.of("PGHOST", "127.0.0.1", "PGPORT", "1", "PGUSER", "nobody",
                "PGDATABASE", "nowhere", "PGPASSWORD", "s3cret-never-shown")).run("recordings", "find");
        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.stderr()).contains("127.0.0.1").contains("port 1").contains("nowhere").contains("nobody")
                .doesNotContain("s3cret-never-shown");
    }
}
