package io.recshell.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passes file by file, on a temporary folder, without a database. */
class FilePassTest {

    private static final long AUDIT_ID = 42;

    @TempDir
    Path tmp;

    private Path dir;

    @BeforeEach
    void createFolder() throws Exception {
        dir = Files.createDirectory(tmp.resolve("recordings")).toRealPath();
    }

    private static FileGroup local(long id, String uniqueid, boolean needed) {
        return new FileGroup(uniqueid, true, needed, List.of(id));
    }

    private Path quarantined(String name) {
        return Quarantine.path(dir, AUDIT_ID).resolve(name);
    }

    @Test
    void aSecondMovePassCountsWhatTheFirstMovedAndMovesNothingTwice() throws Exception {
        Files.writeString(dir.resolve("a.mp3"), "aaaa");
        Files.writeString(dir.resolve("b.mp3"), "bb");
        try (MovePass first = new MovePass(dir, AUDIT_ID)) {
            assertThat(first.apply(local(1, "a", false))).isEqualTo("quarantined");
            assertThat(first.counts().done).isEqualTo(1);
        }
        try (MovePass second = new MovePass(dir, AUDIT_ID)) {
            assertThat(second.apply(local(1, "a", false))).isEqualTo("quarantined");
            assertThat(second.apply(local(2, "b", false))).isEqualTo("quarantined");
            assertThat(second.apply(local(3, "c", false))).isEqualTo("absent");
            FileCounts counts = second.counts();
            assertThat(counts.doneBefore).isEqualTo(1);
            assertThat(counts.done).isEqualTo(1);
            assertThat(counts.bytes).isEqualTo(6);
            assertThat(counts.absent).isEqualTo(1);
        }
        assertThat(Files.readString(quarantined("a.mp3"))).isEqualTo("aaaa");
    }

    @Test
    void aFileInQuarantineIsNeverReplaced() throws Exception {
        Files.writeString(dir.resolve("a.mp3"), "new");
        Files.createDirectories(quarantined("a.mp3").getParent());
        Files.writeString(quarantined("a.mp3"), "old");
        try (MovePass pass = new MovePass(dir, AUDIT_ID)) {
            assertThat(pass.apply(local(1, "a", false))).isEqualTo("failed");
            assertThat(pass.counts().problems()).singleElement().asString().contains("already in");
        }
        assertThat(Files.readString(dir.resolve("a.mp3"))).isEqualTo("new");
        assertThat(Files.readString(quarantined("a.mp3"))).isEqualTo("old");
    }

    @Test
    void aFileStillNeededStaysAndRemoteOnesAreOnlyCounted() throws Exception {
        Files.writeString(dir.resolve("a.mp3"), "a");
        Files.writeString(dir.resolve("r.mp3"), "r");
        try (MovePass pass = new MovePass(dir, AUDIT_ID)) {
            assertThat(pass.apply(local(1, "a", true))).isEqualTo("in_use");
            assertThat(pass.apply(new FileGroup("r", false, false, List.of(2L)))).isEqualTo("remote");
        }
        assertThat(dir.resolve("a.mp3")).exists();
        assertThat(dir.resolve("r.mp3")).exists();
        assertThat(Quarantine.path(dir, AUDIT_ID)).doesNotExist();
    }

    @Test
    void aFolderThatNowResolvesElsewhereFailsEveryLocalFileAndTouchesNothing() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("a.mp3"), "a");
        Path recorded = dir;
        Files.delete(dir);
        Files.createSymbolicLink(dir, elsewhere);
        try (MovePass pass = new MovePass(recorded, AUDIT_ID)) {
            assertThat(pass.apply(local(1, "a", false))).isEqualTo("failed");
            assertThat(pass.counts().problems()).singleElement().asString().contains("now resolves to");
        }
        assertThat(elsewhere.resolve("a.mp3")).exists();
        assertThat(elsewhere.resolve(Quarantine.ROOT)).doesNotExist();
    }

    @Test
    void aQuarantineSwappedForALinkOutOfTheFolderStopsThePass() throws Exception {
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve(Quarantine.ROOT), elsewhere);
        Files.writeString(dir.resolve("a.mp3"), "a");
        try (MovePass pass = new MovePass(dir, AUDIT_ID)) {
            assertThat(pass.apply(local(1, "a", false))).isEqualTo("failed");
            assertThat(pass.counts().problems()).singleElement().asString().contains("symbolic link");
        }
        assertThat(dir.resolve("a.mp3")).exists();
        try (var list = Files.list(elsewhere)) {
            assertThat(list).isEmpty();
        }
    }

    @Test
    void restoreMovesBackNeededFilesAndKeepsTheOthers() throws Exception {
        Files.createDirectories(quarantined("x").getParent());
        Files.writeString(quarantined("a.mp3"), "a");
        Files.writeString(quarantined("b.mp3"), "b");
        try (RestorePass pass = new RestorePass(dir, AUDIT_ID)) {
            assertThat(pass.apply(local(1, "a", true))).isEqualTo("restored");
            assertThat(pass.apply(local(2, "b", false))).isEqualTo("kept");
            assertThat(pass.apply(local(1, "a", true))).isEqualTo("in_place");
        }
        assertThat(Files.readString(dir.resolve("a.mp3"))).isEqualTo("a");
        assertThat(quarantined("b.mp3")).exists();
    }

    @Test
    void aPurgeDryRunCountsAndTheRealOneRemovesAndTidiesUp() throws Exception {
        Files.createDirectories(quarantined("x").getParent());
        Files.writeString(quarantined("a.mp3"), "abc");
        try (PurgePass dry = new PurgePass(dir, AUDIT_ID, true)) {
            dry.apply(local(1, "a", false));
            assertThat(dry.counts().done).isEqualTo(1);
            assertThat(dry.counts().bytes).isEqualTo(3);
        }
        assertThat(quarantined("a.mp3")).exists();
        try (PurgePass purge = new PurgePass(dir, AUDIT_ID, false)) {
            assertThat(purge.apply(local(1, "a", false))).isEqualTo("purged");
            assertThat(purge.removeEmptyQuarantine()).isTrue();
        }
        assertThat(Quarantine.path(dir, AUDIT_ID)).doesNotExist();
    }
}
