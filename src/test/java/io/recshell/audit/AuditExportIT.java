package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

import tools.jackson.databind.json.JsonMapper;

/**
 * audit export writes every field with the hashes, so that the exported file re-verifies
 * outside recshell: parsed back here, and by the Python script of docs/audit-log.md.
 */
class AuditExportIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path SCRIPT = Path.of("docs", "verify-audit-export.py");
    private static TestDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void writeALog() {
        db = TestDatabase.withSampleData(100);
        Result written = Recshell.on(db).env("SSH_CLIENT", "10.1.2.3 50000 22").stdin("""
                recordings find --user-id 5 --limit 1
                recordings delete --recording-id 3 --yes
                recordings find --date-tll 1577836799
                """).run();
        assertThat(written.exitCode()).as(written.toString()).isEqualTo(2);
        SyntheticAuditLog.append(db, 40);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void aCsvExportParsesBackIntoAnIntactChainOfEveryEntry() throws IOException {
        long entries = entriesNow();
        Path file = dir.resolve("audit.csv");

        Result result = Recshell.on(db).run("audit", "export", "--format", "csv", "--output", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("Exported " + entries + " entries (ids 1 to " + entries + ";");
        List<AuditEntry> exported = AuditExports.readCsv(file);
        assertThat(exported).hasSize((int) entries);
        assertIntact(exported, 1, AuditHasher.GENESIS);
        assertThat(exported.get(0).filters()).isEqualTo("{\"user_id\":5}");
        assertThat(exported.get(0).sshClient()).isEqualTo("10.1.2.3 50000 22");
        assertThat(exported).anySatisfy(e -> assertThat(e.command()).contains("line one\nline two \\ end"));
    }

    @Test
    void aJsonExportParsesBackIntoAnIntactChainOfEveryEntry() throws IOException {
        long entries = entriesNow();
        Path file = dir.resolve("audit.json");

        Result result = Recshell.on(db).run("audit", "export", "--format", "json", "--output", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<AuditEntry> exported = AuditExports.readJson(file);
        assertThat(exported).hasSize((int) entries);
        assertIntact(exported, 1, AuditHasher.GENESIS);
        assertThat(exported.get(1).deleted()).isEqualTo(1L);
        assertThat(exported.get(2).outcome()).isEqualTo("invalid");
        assertThat(exported.get(2).matched()).isNull();
    }

    @Test
    void theExportToStandardOutputHoldsOnlyTheDataAndTheSummaryGoesToStandardError() {
        Result result = Recshell.on(db).run("audit", "export", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(JSON.readTree(result.stdout()).isArray()).isTrue();
        assertThat(result.stderr()).startsWith("Exported ");
    }

    @Test
    void anExportSinceATimeStartsAtTheFirstEntryWrittenThenAndVerifiesFromThere() throws Exception {
        long since = db.jdbc().queryForObject("select ceil(extract(epoch from clock_timestamp()))::bigint",
                Long.class);
        while (db.count("select extract(epoch from clock_timestamp())::bigint") <= since) {
            Thread.sleep(100);
        }
        assertThat(Recshell.on(db).run("audit", "show", "1").exitCode()).isZero();
        long firstSince = db.count("select max(id) from recshell.audit_log");
        Path file = dir.resolve("since.csv");

        Result result = Recshell.on(db).run("audit", "export", "--format", "csv", "--since", Long.toString(since),
                "--output", file.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<AuditEntry> exported = AuditExports.readCsv(file);
        assertThat(exported.get(0).id()).isEqualTo(firstSince);
        assertThat(exported.get(0).action()).isEqualTo("audit_show");
        assertIntact(exported, firstSince, exported.get(0).prevHash());
        assertThat(exported.get(0).prevHash()).isEqualTo(db.jdbc().queryForObject(
                "select hash from recshell.audit_log where id = ?", String.class, firstSince - 1));
    }

    @Test
    void theScriptInTheDocsVerifiesBothExportsAndNamesTheEntryChangedInAFile() throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not installed");
        Path csv = dir.resolve("for-python.csv");
        Path json = dir.resolve("for-python.json");
        assertThat(Recshell.on(db).run("audit", "export", "--format", "csv", "--output", csv.toString())
                .exitCode()).isZero();
        assertThat(Recshell.on(db).run("audit", "export", "--format", "json", "--output", json.toString())
                .exitCode()).isZero();
        List<AuditEntry> entries = AuditExports.readCsv(csv);
        AuditEntry newest = entries.get(entries.size() - 1);

        assertThat(python(csv.toString())).startsWith("0:intact: " + entries.size() + " entries, ids 1 to ");
        assertThat(python(json.toString())).startsWith("0:intact: ");
        assertThat(python(csv.toString(), newest.id() + ":" + newest.hash())).startsWith("0:intact: ");
        assertThat(python(csv.toString(), "2:" + "0".repeat(64))).isEqualTo("1:BROKEN (2 entries read):"
                + " entry 2 is not the one recorded earlier\n");

        Files.writeString(csv, Files.readString(csv).replace("recordings find --user-id 5 --limit 1",
                "recordings find --user-id 6 --limit 1"));
        assertThat(python(csv.toString())).isEqualTo("1:BROKEN (1 entries read): entry 1 does not match its hash\n");
    }

    @Test
    void anExistingFileIsNeverOverwrittenAndAFormatIsRequired() throws IOException {
        Path existing = Files.writeString(dir.resolve("keep.csv"), "an earlier export\n");

        Result refused = Recshell.on(db).run("audit", "export", "--format", "csv", "--output", existing.toString());
        Result noFormat = Recshell.on(db).run("audit", "export");
        Result table = Recshell.on(db).run("audit", "export", "--format", "table");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.stderr()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("an earlier export\n");
        assertThat(noFormat.exitCode()).isEqualTo(2);
        assertThat(noFormat.stderr()).contains("audit export needs --format csv or --format json");
        assertThat(table.exitCode()).isEqualTo(2);
        assertThat(dir).isDirectoryNotContaining("glob:**.partial");
    }

    private static long entriesNow() {
        return db.count("select count(*) from recshell.audit_log");
    }

    private static void assertIntact(List<AuditEntry> entries, long firstId, String firstPrevHash) {
        ChainVerifier verifier = new ChainVerifier(firstId, firstPrevHash, hash -> Optional.empty());
        entries.forEach(verifier::accept);
        assertThat(verifier.firstBreak()).as("break in the export").isEmpty();
        assertThat(verifier.checked()).isEqualTo(entries.size());
    }

    private static boolean pythonAvailable() {
        try {
            return new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs the script from the docs; returns "exit code:standard output". */
    private static String python(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return process.exitValue() + ":" + output;
    }
}
