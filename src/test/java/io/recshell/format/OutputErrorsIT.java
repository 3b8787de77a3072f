package io.recshell.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recshell;
import io.recshell.support.TestDatabase;

/** Standard output that cannot be written to (closed pipe, full disk) stops a command with exit 1. */
class OutputErrorsIT {

    private static final int RECORDINGS = 5000;

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.withSampleData(RECORDINGS);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void findIntoAFullDiskFailsAndIsAuditedAsFailed(@TempDir Path dir) throws Exception {
        Process process = start(dir, new File("/dev/full"), "recordings", "find", "--format", "csv");

        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(dir.resolve("err.txt"));
        assertThat(process.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr).contains("error: cannot write to standard output (closed or full)");
        assertThat(lastAudit("outcome")).isEqualTo("failed");
        assertThat(lastAudit("message")).contains("cannot write to standard output");
    }

    @Test
    void oneLineCommandIntoAFullDiskFails(@TempDir Path dir) throws Exception {
        Process process = start(dir, new File("/dev/full"), "version");

        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(dir.resolve("err.txt"));
        assertThat(process.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr).contains("cannot write to standard output");
    }

    @Test
    void findIntoAPipeClosedAfterOneLineStopsEarly(@TempDir Path dir) throws Exception {
        Process process = start(dir, null, "recordings", "find", "--limit", "1000000", "--format", "csv");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).startsWith("id,");
        }

        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String stderr = Files.readString(dir.resolve("err.txt"));
        assertThat(process.exitValue()).as(stderr).isEqualTo(1);
        assertThat(stderr).containsPattern("stopped after [0-9]+ rows");
        long written = Long.parseLong(stderr.replaceAll("(?s).*stopped after ([0-9]+) rows.*", "$1"));
        assertThat(written).as("stopped before streaming everything").isLessThan(RECORDINGS);
        assertThat(lastAudit("outcome")).isEqualTo("failed");
    }

    /** Starts recshell with standard output to a file, or to a pipe when {@code stdout} is null. */
    private static Process start(Path dir, File stdout, String... args) throws IOException {
        List<String> command = new ArrayList<>(Recshell.jvm());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("err.txt").toFile())
                .redirectInput(new File("/dev/null"));
        if (stdout != null) {
            builder.redirectOutput(stdout);
        }
        builder.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SSH_"));
        builder.environment().put("RECSHELL_LOG", dir.resolve("recshell.log").toString());
        builder.environment().putAll(db.env());
        return builder.start();
    }

    private static String lastAudit(String column) {
        return db.jdbc().queryForObject("select " + column + " from recshell.audit_log order by id desc limit 1",
                String.class);
    }
}
