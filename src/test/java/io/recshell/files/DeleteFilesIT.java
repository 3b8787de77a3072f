package io.recshell.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * {@code recordings delete --files/--manifest}, {@code recordings files restore} and
 * {@code recordings purge-files} on a temporary folder of generated files, through the
 * packaged jar and a real PostgreSQL.
 */
class DeleteFilesIT {

    @TempDir
    Path tmp;

    private TestDatabase db;
    private AudioFolder audio;

    @BeforeEach
    void createDatabaseAndFolder() throws Exception {
        db = TestDatabase.withSampleData(50);
        audio = new AudioFolder(db, Files.createDirectory(tmp.resolve("recordings")));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Result recshell(String... args) {
        return Recshell.on(db).run(args);
    }

    private Result deleteWithFiles(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("recordings", "delete", "--user-id", "5", "--files",
                audio.dir.toString()));
        args.addAll(List.of(more));
        return recshell(args.toArray(String[]::new));
    }

    @Test
    void moveAndRestoreRoundTripByteForByte() {
        for (long id = 1; id <= 20; id++) {
            audio.recordingWithFile(id);
        }
        Map<String, byte[]> before = AudioFolder.contents(audio.dir);

        Result dryRun = deleteWithFiles("--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        long bytes = before.values().stream().mapToLong(b -> b.length).sum();
        assertThat(dryRun.stdout()).contains("Would move 20 files into quarantine").contains(bytes + " bytes on disk")
                .contains("0 absent, 0 remote");
        assertThat(AudioFolder.contents(audio.dir)).hasSize(20);

        Result delete = deleteWithFiles("--yes");
        assertThat(delete.exitCode()).as(delete.toString()).isZero();
        long auditId = audio.lastDeleteAuditId();
        assertThat(delete.stdout()).contains("20 moved to quarantine " + audio.quarantine(auditId))
                .contains(bytes + " bytes");
        assertThat(AudioFolder.contents(audio.dir)).isEmpty();
        assertThat(AudioFolder.contents(audio.quarantine(auditId))).containsOnlyKeys(before.keySet());
        assertThat(db.count("select count(*) from recshell.audit_log where action = 'files_move' and outcome = 'ok'"
                + " and run_id = (select run_id from recshell.audit_log where id = ?)", auditId)).isEqualTo(1);
        assertThat(db.count("select done from recshell.file_pass where kind = 'move'")).isEqualTo(20);
        assertThat(db.count("select bytes from recshell.file_pass where kind = 'move'")).isEqualTo(bytes);

        Result restore = recshell("recordings", "restore", "--audit-id", Long.toString(auditId), "--yes");
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.stdout()).contains("Restored 20 recordings").contains("its audio files come back from "
                + audio.quarantine(auditId)).contains("20 moved back");
        assertThat(db.count("select count(*) from recshell.audit_log where action = 'files_restore'")).isEqualTo(1);
        Map<String, byte[]> after = AudioFolder.contents(audio.dir);
        assertThat(after).containsOnlyKeys(before.keySet());
        before.forEach((name, content) -> assertThat(after.get(name)).as(name).isEqualTo(content));
        assertThat(AudioFolder.contents(audio.quarantine(auditId))).isEmpty();
    }

    @Test
    void restoreMovesBackOnlyTheFilesOfRecordingsThatAreBack() {
        audio.recordingWithFile(1);
        String second = audio.recordingWithFile(2);
        assertThat(deleteWithFiles("--yes").exitCode()).isZero();
        long auditId = audio.lastDeleteAuditId();

        audio.restoreRow(auditId, 1);
        Result restore = recshell("recordings", "files", "restore", "--audit-id", Long.toString(auditId));
        assertThat(restore.exitCode()).as(restore.toString()).isZero();
        assertThat(restore.stdout()).contains("1 moved back").contains("1 kept in quarantine");
        assertThat(AudioFolder.names(audio.quarantine(auditId))).containsExactly(second);

        Result again = recshell("recordings", "files", "restore", "--audit-id", Long.toString(auditId));
        assertThat(again.stdout()).contains("0 moved back").contains("1 already in place");
    }

    @Test
    void absentFilesAreCountedAndAreNoError() {
        audio.recordingWithFile(1);
        audio.recordingWithFile(2);
        audio.recording(3, "1893456003.3", 1);
        audio.recording(4, "1893456004.4", 1);
        Result result = deleteWithFiles("--yes");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("2 absent, 0 remote").contains("2 moved to quarantine")
                .contains("0 failed");
        assertThat(db.count("select absent from recshell.file_pass")).isEqualTo(2);
        assertThat(db.count("select count(*) from recordings")).isZero();
    }

    @Test
    void remoteRecordingsAreListedInTheManifestAndTheirNamesLeftAlone() throws Exception {
        String local = audio.recordingWithFile(1);
        audio.recording(2, "1893456002.2", 0);
        audio.recording(3, "1893456003.3", 0);
        byte[] sameName = audio.write(audio.dir.resolve("1893456002.2.mp3"), 10);
        Path manifest = tmp.resolve("manifest.tsv");

        Result result = deleteWithFiles("--manifest", manifest.toString(), "--yes");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("2 remote");
        assertThat(Files.readAllLines(manifest)).containsExactly(
                "recording_id\tlocal\tstatus\tfile",
                "1\t1\tquarantined\t" + local,
                "2\t0\tremote\t1893456002.2.mp3",
                "3\t0\tremote\t1893456003.3.mp3");
        assertThat(Files.readAllBytes(audio.dir.resolve("1893456002.2.mp3"))).isEqualTo(sameName);
    }

    @Test
    void manifestAloneListsFilesWithoutMovingThem() throws Exception {
        String local = audio.recordingWithFile(1);
        Path manifest = tmp.resolve("only.tsv");
        Result result = recshell("recordings", "delete", "--user-id", "5", "--manifest", manifest.toString(),
                "--yes");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllLines(manifest)).containsExactly("recording_id\tlocal\tstatus\tfile",
                "1\t1\tlocal\t" + local);
        assertThat(AudioFolder.names(audio.dir)).containsExactly(local);
    }

    @Test
    void unsafeNamesAndSymlinksOutOfTheFolderAreRefusedAndReported() throws Exception {
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        byte[] secret = audio.write(outside.resolve("secret.mp3"), 64);
        byte[] target = audio.write(outside.resolve("target.mp3"), 64);
        String safe = audio.recordingWithFile(1);
        audio.recording(2, "../outside/secret", 1);
        audio.recording(3, outside.resolve("secret").toString(), 1);
        audio.recording(4, "link", 1);
        Files.createSymbolicLink(audio.dir.resolve("link.mp3"), outside.resolve("target.mp3"));
        audio.recording(5, "../outside/secret", 0);
        Path manifest = tmp.resolve("refused.tsv");

        Result dryRun = deleteWithFiles("--dry-run");
        assertThat(dryRun.stdout()).contains("Would move 1 file into quarantine").contains("4 refused")
                .contains("refused: recording 2, its uniqueid '../outside/secret' contains a path separator")
                .contains("link.mp3 is refused: it is a symbolic link");

        Result result = deleteWithFiles("--manifest", manifest.toString(), "--yes");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stdout()).contains("Deleted 5 recordings").contains("4 refused")
                .contains("refused: recording 3, its uniqueid '" + outside.resolve("secret") + "'")
                .contains("refused: recording 4, " + audio.dir.resolve("link.mp3") + " is refused: it is a symbolic"
                        + " link");
        assertThat(result.stderr()).contains("4 of their files were refused and 0 failed");
        assertThat(Files.readAllBytes(outside.resolve("secret.mp3"))).isEqualTo(secret);
        assertThat(Files.readAllBytes(outside.resolve("target.mp3"))).isEqualTo(target);
        assertThat(Files.isSymbolicLink(audio.dir.resolve("link.mp3"))).isTrue();
        assertThat(AudioFolder.names(outside)).containsExactly("secret.mp3", "target.mp3");
        long auditId = audio.lastDeleteAuditId();
        assertThat(AudioFolder.names(audio.quarantine(auditId))).containsExactly(safe);
        assertThat(Files.readAllLines(manifest)).contains("2\t1\trefused\t", "3\t1\trefused\t",
                "4\t1\trefused\tlink.mp3", "5\t0\trefused\t");
        assertThat(db.count("select refused from recshell.file_pass")).isEqualTo(4);
        assertThat(db.count("select count(*) from recshell.audit_log where action = 'files_move'"
                + " and outcome = 'failed' and message like '%4 refused%'")).isEqualTo(1);
    }

    @Test
    void aFileStillUsedByAnotherRecordingStaysInPlace() {
        String shared = audio.recordingWithFile(1);
        db.jdbc().update("insert into recordings (id, datetime, user_id, uniqueid, local) select 2, datetime, 6,"
                + " uniqueid, 1 from recordings where id = 1");
        Result result = deleteWithFiles("--yes");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("1 in use by other recordings");
        assertThat(AudioFolder.names(audio.dir)).containsExactly(shared);
    }

    @Test
    void purgeRemovesQuarantinedFilesOnlyAfterItsDryRunAndConfirmation() {
        audio.recordingWithFile(1);
        audio.recordingWithFile(2);
        String kept = audio.recordingWithFile(3);
        assertThat(deleteWithFiles("--yes").exitCode()).isZero();
        long auditId = audio.lastDeleteAuditId();
        audio.restoreRow(auditId, 3);

        Result tooYoung = recshell("recordings", "purge-files", "--older-than", "1", "--yes");
        assertThat(tooYoung.exitCode()).as(tooYoung.toString()).isZero();
        assertThat(tooYoung.stdout()).contains("Would remove 0 quarantined files");
        Result dryRun = recshell("recordings", "purge-files", "--older-than", "0", "--dry-run");
        assertThat(dryRun.stdout()).contains("Would remove 2 quarantined files").contains("1 kept");
        Result unconfirmed = recshell("recordings", "purge-files", "--older-than", "0");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        Result wrongCount = recshell("recordings", "purge-files", "--older-than", "0", "--expect", "3");
        assertThat(wrongCount.exitCode()).isEqualTo(5);
        assertThat(AudioFolder.names(audio.quarantine(auditId))).hasSize(3);

        Result purge = recshell("recordings", "purge-files", "--older-than", "0", "--dir", audio.dir.toString(),
                "--expect", "2");
        assertThat(purge.exitCode()).as(purge.toString()).isZero();
        assertThat(purge.stdout()).contains("Removed 2 quarantined files");
        assertThat(AudioFolder.names(audio.quarantine(auditId))).containsExactly(kept);
        assertThat(db.count("select deleted from recshell.audit_log where action = 'purge_files'"
                + " order by id desc limit 1")).isEqualTo(2);
        assertThat(db.count("select count(*) from recshell.audit_log where action = 'files_purge'")).isEqualTo(1);
    }

    @Test
    void aMissingFolderOrAnExistingManifestStopsTheDeleteBeforeAnythingRuns() throws Exception {
        audio.recordingWithFile(1);
        Result noFolder = recshell("recordings", "delete", "--user-id", "5", "--files",
                tmp.resolve("nowhere").toString(), "--yes");
        assertThat(noFolder.exitCode()).isEqualTo(2);
        assertThat(noFolder.stderr()).contains("Invalid --files").contains("no such folder");
        Path existing = Files.writeString(tmp.resolve("old.tsv"), "keep me");
        Result manifest = deleteWithFiles("--manifest", existing.toString(), "--yes");
        assertThat(manifest.exitCode()).isEqualTo(2);
        assertThat(manifest.stderr()).contains("the file exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
        assertThat(db.count("select count(*) from recordings")).isEqualTo(1);
        assertThat(Files.exists(audio.dir.resolve(".recshell-quarantine"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    }
}
