package io.recshell.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTest {

    @Test
    void symbolicLinksAreSeenAsLinksAndNeverFollowed(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Path outside = Files.writeString(tmp.resolve("outside.mp3"), "outside");
        Files.createSymbolicLink(dir.resolve("link.mp3"), outside);
        try (Folder folder = Folder.open(dir.toRealPath())) {
            assertThat(folder.stat("link.mp3").kind()).isEqualTo(Entry.Kind.SYMLINK);
            assertThat(folder.stat("missing.mp3").isAbsent()).isTrue();
        }
    }

    @Test
    void aQuarantineThatIsALinkOutOfTheFolderIsRefused(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve(Quarantine.ROOT), elsewhere);
        try (Folder folder = Folder.open(dir.toRealPath())) {
            assertThatThrownBy(() -> Quarantine.open(folder, 1)).isInstanceOf(IOException.class)
                    .hasMessageContaining("symbolic link");
        }
    }

    @Test
    void aMoveNeverReplacesAnExistingFile(@TempDir Path tmp) throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("dir"));
        Files.writeString(dir.resolve("a.mp3"), "new");
        try (Folder folder = Folder.open(dir.toRealPath()); Quarantine quarantine = Quarantine.open(folder, 5)) {
            Folder target = quarantine.create();
            Files.writeString(quarantine.path().resolve("a.mp3"), "old");
            assertThatThrownBy(() -> folder.moveInto("a.mp3", target)).isInstanceOf(FileAlreadyExistsException.class);
            assertThat(Files.readString(quarantine.path().resolve("a.mp3"))).isEqualTo("old");
            assertThat(Files.getPosixFilePermissions(quarantine.path())).hasSize(3);
        }
    }
}
