package io.recshell.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortedEntriesTest {

    @Test
    void entriesComeOutSortedByCodePointAcrossSpilledRuns(@TempDir Path dir) throws Exception {
        List<String> uniqueids = new ArrayList<>(List.of("b", "a", "\uE000x", "\uD83D\uDE00y", "a.b", "A", "10",
                "9", "ä"));
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            uniqueids.add(Long.toString(random.nextLong(1_000_000_000L)) + "." + i);
        }
        for (String uniqueid : uniqueids) {
            Files.writeString(dir.resolve(uniqueid + ".mp3"), uniqueid);
        }
        Files.writeString(dir.resolve("readme.txt"), "not a recording");
        Files.createDirectory(dir.resolve(".recshell-quarantine"));

        List<String> read = new ArrayList<>();
        try (Folder folder = Folder.open(dir.toRealPath()); SortedEntries sorted = SortedEntries.of(folder, 7)) {
            sorted.forEachRemaining(entry -> read.add(entry.uniqueid()));
            assertThat(sorted.runCount()).isEqualTo(7);
            assertThat(sorted.skipped()).isEqualTo(2);
            assertThat(sorted.entries()).isEqualTo(uniqueids.size());
        }
        List<String> expected = new ArrayList<>(uniqueids);
        expected.sort(NamedEntry.ORDER);
        assertThat(read).isEqualTo(expected);
        // U+E000 sorts before U+1F600 by code point (and in UTF-8), though not by UTF-16 units.
        assertThat(read.indexOf("\uE000x")).isLessThan(read.indexOf("\uD83D\uDE00y"));
    }

    @Test
    void aFolderThatFitsInOneChunkIsSortedInMemory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("2.mp3"), "");
        Files.writeString(dir.resolve("1.mp3"), "");
        try (Folder folder = Folder.open(dir.toRealPath()); SortedEntries sorted = SortedEntries.of(folder, 10)) {
            assertThat(sorted.next().uniqueid()).isEqualTo("1");
            assertThat(sorted.next().uniqueid()).isEqualTo("2");
            assertThat(sorted.hasNext()).isFalse();
            assertThat(sorted.runCount()).isZero();
        }
    }
}
