package io.recshell.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code recordings orphans} on a folder with extra files, missing files and odd entries. */
class OrphansIT {

    @TempDir
    Path tmp;

    private TestDatabase db;
    private AudioFolder audio;

    @BeforeEach
    void createDatabaseAndFolder() throws Exception {
        db = TestDatabase.withSampleData(50);
        audio = new AudioFolder(db, Files.createDirectory(tmp.resolve("recordings")));
        audio.recordingWithFile(1);
        audio.recordingWithFile(2);
        audio.recording(3, "1893456003.3", 1);
        audio.recording(4, "1893456004.4", 0);
        audio.recording(5, "zz-link", 1);
        audio.write(audio.dir.resolve("1700000000.1.mp3"), 33);
        audio.write(audio.dir.resolve("1700000000.2.mp3"), 44);
        audio.write(audio.dir.resolve("notes.txt"), 5);
        audio.write(audio.dir.resolve(".recshell-quarantine").resolve("9").resolve("1600000000.9.mp3"), 5);
        Files.createSymbolicLink(audio.dir.resolve("zz-link.mp3"), tmp.resolve("elsewhere.mp3"));
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void jsonListsExtraFilesMissingFilesAndOddEntries() {
        Result result = Recshell.on(db).run("recordings", "orphans", "--dir", audio.dir.toString(), "--format",
                "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(result.stdout());
        assertThat(json.get("dir").asString()).isEqualTo(audio.dir.toString());
        List<String> lines = json.get("orphans").valueStream()
                .map(o -> o.get("kind").asString() + " " + o.get("file").asString() + " "
                        + (o.get("recording_id").isNull() ? "-" : o.get("recording_id").asString()) + " "
                        + o.get("size").asLong())
                .toList();
        assertThat(lines).containsExactly(
                "file_without_recording 1700000000.1.mp3 - 33",
                "file_without_recording 1700000000.2.mp3 - 44",
                "recording_without_file 1893456003.3.mp3 3 1000",
                "not_a_regular_file zz-link.mp3 - 0");
        assertThat(result.stderr()).contains("2 files without a recording, 1 local recordings without a file,"
                + " 1 not regular files; 5 files and 4 local recordings compared");
        assertThat(db.count("select matched from recshell.audit_log where action = 'orphans'")).isEqualTo(4);
    }

    @Test
    void csvAndTableCarryTheSameRows() throws Exception {
        Result csv = Recshell.on(db).run("recordings", "orphans", "--dir", audio.dir.toString(), "--format", "csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.stdout())).getRecords();
        assertThat(rows).extracting(r -> r.get("file")).containsExactly("1700000000.1.mp3", "1700000000.2.mp3",
                "1893456003.3.mp3", "zz-link.mp3");
        assertThat(rows.get(2).get("recording_id")).isEqualTo("3");
        assertThat(rows.get(2).get("time")).isEqualTo("2030-01-01T00:00:03Z");

        Result table = Recshell.on(db).run("recordings", "orphans", "--dir", audio.dir.toString());
        assertThat(table.exitCode()).isZero();
        assertThat(table.stdout()).contains("recording_without_file  1893456003.3.mp3")
                .contains("(2 other entries in " + audio.dir + " skipped)");
    }

    @Test
    void aFolderThatDoesNotExistIsInvalid() {
        Result result = Recshell.on(db).run("recordings", "orphans", "--dir", tmp.resolve("none").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("Invalid --dir");
    }
}
