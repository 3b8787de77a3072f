package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * verify and export walk a log far bigger than their heap: 200,000 entries (about 200 MB as
 * objects) through a JVM limited to 48 MB. Reading the log into memory would fail here.
 */
class AuditLargeLogIT {

    private static final int ENTRIES = 200_000;

    @TempDir
    Path dir;

    @Test
    void verifyAndExportStreamTheLogInBoundedMemory() throws Exception {
        try (TestDatabase db = TestDatabase.withSampleData(100)) {
            assertThat(Recshell.on(db).run("audit", "list").exitCode()).isZero();
            SyntheticAuditLog.append(db, ENTRIES);
            long entries = ENTRIES + 1;
            Path file = dir.resolve("large.csv");

            Result verify = smallHeap(db).run("audit", "verify");
            Result export = smallHeap(db).run("audit", "export", "--format", "csv", "--output", file.toString());

            assertThat(verify.exitCode()).as(verify.toString()).isZero();
            assertThat(verify.stdout()).contains("Audit log intact: " + entries + " entries checked");
            assertThat(export.exitCode()).as(export.toString()).isZero();
            ChainVerifier exported = ChainVerifier.fromStart(hash -> Optional.empty());
            AuditExports.forEachCsv(file, exported::accept);
            assertThat(exported.firstBreak()).isEmpty();
            assertThat(exported.checked()).isEqualTo(entries + 1);
        }
    }

    private static Recshell smallHeap(TestDatabase db) {
        return Recshell.on(db).env("JAVA_TOOL_OPTIONS", "-Xmx48m");
    }
}
