package io.recshell.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The encoding recshell hashes is the one docs/audit-log.md documents, example included. */
class AuditHasherTest {

    private static final Path DOC = Path.of("docs", "audit-log.md");

    private static final AuditEntry WORKED_EXAMPLE = new AuditEntry(2, Instant.parse("2026-12-04T10:15:30.123456Z"),
            "delete", "recordings delete --user-id 5 --date-till 1577836799 --expect 12",
            "{\"date_till\":1577836799,\"expect\":12,\"user_id\":5}", null, "alice", "db1", "10.1.2.3 50000 22",
            "recshell_operator", "6f1c0b7e-3f3a-4c1e-9a51-2b9d4f0c8e21", "ok",
            "Deleted 12 recordings (5.6 MiB, 5872025 bytes)", 12L, 12L, 5872025L, 1L,
            "4be1b1a2c1e5d6a0b9f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4e5f6a7b", null);

    @Test
    void theWorkedExampleOfTheDocsIsWhatRecshellEncodesAndHashes() throws IOException {
        String doc = Files.readString(DOC);

        assertThat(doc).contains("```text\n" + AuditHasher.canonical(WORKED_EXAMPLE) + "\n```");
        assertThat(AuditHasher.hash(WORKED_EXAMPLE))
                .isEqualTo("efba0333437b27877bb7359374d84243f924d48c80d26fd16d32c23625d56f69");
        assertThat(doc).contains("its hash is `" + AuditHasher.hash(WORKED_EXAMPLE) + "`");
    }

    @Test
    void theDocsShowTheVerificationScriptExactlyAsShipped() throws IOException {
        String script = Files.readString(Path.of("docs", "verify-audit-export.py"));

        assertThat(Files.readString(DOC)).contains("```python\n" + script + "```");
    }

    @Test
    void backslashNewlineAndCarriageReturnAreEscapedAndNothingElse() {
        AuditEntry entry = withCommand("a\\b\nc\rd\te \"f\"");

        assertThat(AuditHasher.canonical(entry)).contains("\ncommand=a\\\\b\\nc\\rd\te \"f\"\n");
    }

    @Test
    void aMissingValueAndAnEmptyTextEncodeAlikeAndEveryFieldChangesTheHash() {
        assertThat(AuditHasher.hash(withCommand(""))).isEqualTo(AuditHasher.hash(withCommand(null)));
        assertThat(AuditHasher.hash(withCommand("x"))).isNotEqualTo(AuditHasher.hash(withCommand("")));
        assertThat(AuditHasher.hash(WORKED_EXAMPLE.withId(3))).isNotEqualTo(AuditHasher.hash(WORKED_EXAMPLE));
    }

    @Test
    void theTimeAlwaysHasSixFractionDigits() {
        assertThat(AuditHasher.formatAt(Instant.parse("2026-12-04T10:15:30Z")))
                .isEqualTo("2026-12-04T10:15:30.000000Z");
        assertThat(AuditHasher.formatAt(Instant.parse("2026-12-04T10:15:30.1Z")))
                .isEqualTo("2026-12-04T10:15:30.100000Z");
    }

    private static AuditEntry withCommand(String command) {
        AuditEntry e = WORKED_EXAMPLE;
        return new AuditEntry(e.id(), e.at(), e.action(), command, e.filters(), e.actingUser(), e.osUser(), e.host(),
                e.sshClient(), e.dbUser(), e.sessionId(), e.outcome(), e.message(), e.matched(), e.deleted(),
                e.deletedBytes(), e.runId(), e.prevHash(), null);
    }
}
