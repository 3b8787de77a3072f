package io.recshell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * A log file that is a device or a FIFO is written to, never rolled: rolling renames it. The
 * special file's modification time is set days back, which makes a rolling appender roll over
 * (by date) at the first log line.
 */
class LogFileIT {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.withSampleData(100);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void characterDeviceAsLogFileStaysADevice(@TempDir Path dir) throws Exception {
        Path device = dir.resolve("null");
        run("mknod", device.toString(), "c", "1", "3");
        run("touch", "-d", "3 days ago", device.toString());

        Result result = loggingRun(device);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(fileType(device)).as("still a character device").isEqualTo("character special file");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing rolled").containsExactly("null");
        }
    }

    @Test
    void fifoAsLogFileStaysAFifoAndGetsTheLog(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("log.fifo");
        Path received = dir.resolve("received.txt");
        run("mkfifo", fifo.toString());
        run("touch", "-d", "3 days ago", fifo.toString()); // Files.setLastModifiedTime would open it
        Process reader = new ProcessBuilder("cat", fifo.toString()).redirectOutput(received.toFile()).start();

        Result result = loggingRun(fifo);
        reader.waitFor(30, TimeUnit.SECONDS);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(fileType(fifo)).as("still a FIFO").isEqualTo("fifo");
        assertThat(Files.readString(received)).contains("running: recordings find --limit 1");
    }

    private static Result loggingRun(Path logFile) {
        return Recshell.on(db).env("RECSHELL_LOG", logFile.toString()).env("RECSHELL_LOG_LEVEL", "DEBUG")
                .run("recordings", "find", "--limit", "1");
    }

    private static String fileType(Path file) throws IOException, InterruptedException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return "missing";
        }
        Process stat = new ProcessBuilder("stat", "-c", "%F", file.toString()).start();
        String type = new String(stat.getInputStream().readAllBytes()).strip();
        stat.waitFor(10, TimeUnit.SECONDS);
        return type;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0)
                .as(String.join(" ", command)).isTrue();
    }
}
