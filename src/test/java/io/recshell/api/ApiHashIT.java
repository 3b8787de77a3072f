package io.recshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/** {@code api hash} run as a process: MOR's seed example, and the secret only from a file. */
class ApiHashIT {

    private static TestDatabase db;

    @TempDir
    static Path dir;

    private static Path secretFile;

    @BeforeAll
    static void createDatabase() throws IOException {
        db = TestDatabase.withSampleData(100);
        secretFile = Files.writeString(dir.resolve("mor-secret"), "secret\r\n");
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void seedExamplePrintsMorsHashWhateverTheOrderOfTheWords() {
        Result result = Recshell.on(db).run("api", "hash", "--secret-file", secretFile.toString(),
                "date_till=1577836799", "s_user_id=5", "recording_id=", "s_device_id=", "date_from=");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo("3da29256e422ae9c4ff53a38b262e0fb9461077e\n");
        assertThat(db.count("select count(*) from recshell.audit_log where action = 'api_hash' and outcome = 'ok'"))
                .isEqualTo(1);
    }

    @Test
    void secretOnTheCommandLineIsRefusedAndMaskedInTheAuditLog() {
        Result result = Recshell.on(db).run("api", "hash", "--secret", "hunter2", "s_user_id=5");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("Unknown option '--secret' for 'api hash'");
        assertThat(db.jdbc().queryForObject("select command from recshell.audit_log order by id desc limit 1",
                String.class)).isEqualTo("api hash --secret *** s_user_id=5");
    }

    @Test
    void missingSecretFileIsNamed() {
        Result result = Recshell.on(db).run("api", "hash", "--secret-file", dir.resolve("absent").toString(),
                "s_user_id=5");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("Cannot read the API secret file").contains("no such file");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void dashWithinAScriptIsRefusedBecauseStandardInputCarriesTheCommands() {
        Result result = Recshell.on(db).stdin("api hash --secret-file - s_user_id=5\n").run();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stderr()).contains("only a one-shot command");
    }
}
