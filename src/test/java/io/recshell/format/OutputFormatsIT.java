package io.recshell.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CSV and JSON read back by real parsers and compared field by field with the database,
 * with text that needs quoting (commas, quotes, line breaks, non-ASCII), and output to a
 * pipe checked for terminal escape codes.
 */
class OutputFormatsIT {

    private static final String AWKWARD_SRC = "\"Jonas\", the \"boss\"\n<1001>";
    private static final String AWKWARD_PATH = "rec, 2019/ąčę \"x\".mp3";

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.withSampleData(300);
        db.jdbc().update("update recordings set src = ?, path = ? where id in (7, 8)", AWKWARD_SRC, AWKWARD_PATH);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void csvOfEveryRowEqualsTheDatabase() throws Exception {
        Result result = Recshell.on(db).run("recordings", "find", "--limit", "1000", "--format", "csv");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(result.stdout())).getRecords();
        List<Map<String, Object>> expected = db.jdbc().queryForList(
                "select * from recordings order by datetime desc, id desc");
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Map<String, Object> want = expected.get(i);
            assertThat(row.get("id")).isEqualTo(want.get("id").toString());
            assertThat(row.get("time")).isEqualTo(utc(want.get("datetime")));
            assertThat(row.get("user_id")).isEqualTo(want.get("user_id").toString());
            assertThat(row.get("src_device_id")).isEqualTo(want.get("src_device_id").toString());
            assertThat(row.get("dst_device_id")).isEqualTo(want.get("dst_device_id").toString());
            assertThat(row.get("src")).isEqualTo(want.get("src"));
            assertThat(row.get("dst")).isEqualTo(want.get("dst"));
            assertThat(row.get("size")).as("raw bytes, not a human size").isEqualTo(want.get("size").toString());
            assertThat(row.get("path")).isEqualTo(want.get("path"));
        }
        assertThat(rows.stream().filter(r -> r.get("src").equals(AWKWARD_SRC)).count()).isEqualTo(2);
    }

    @Test
    void jsonOfEveryRowEqualsTheDatabase() {
        Result result = Recshell.on(db).run("recordings", "find", "--limit", "1000", "--format", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(result.stdout());
        List<Map<String, Object>> expected = db.jdbc().queryForList(
                "select * from recordings order by datetime desc, id desc");
        JsonNode rows = json.get("recordings");
        assertThat(json.get("total").asLong()).isEqualTo(expected.size());
        assertThat(rows.size()).isEqualTo(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            Map<String, Object> want = expected.get(i);
            assertThat(row.get("id").isIntegralNumber()).isTrue();
            assertThat(row.get("id").asLong()).isEqualTo(want.get("id"));
            assertThat(row.get("time").asString()).isEqualTo(utc(want.get("datetime")));
            assertThat(row.get("user_id").asLong()).isEqualTo(want.get("user_id"));
            assertThat(row.get("src").asString()).isEqualTo(want.get("src"));
            assertThat(row.get("dst").asString()).isEqualTo(want.get("dst"));
            assertThat(row.get("size").isIntegralNumber()).isTrue();
            assertThat(row.get("size").asLong()).isEqualTo(want.get("size"));
            assertThat(row.get("path").asString()).isEqualTo(want.get("path"));
        }
    }

    @Test
    void auditListCsvCarriesTheCommandsAsTyped() throws Exception {
        Recshell.on(db).run("recordings", "find", "--user-id", "5", "--limit", "1");
        Result result = Recshell.on(db).run("audit", "list", "--limit", "1000", "--format", "csv");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(result.stdout())).getRecords();
        List<Map<String, Object>> expected = db.jdbc().queryForList(
                "select id, command, outcome, hash from recshell.audit_log order by id");
        assertThat(expected.get(expected.size() - 1).get("command")).as("the listing's own entry comes after it")
                .isEqualTo("audit list --limit 1000 --format csv");
        expected = expected.subList(0, expected.size() - 1);
        assertThat(rows).hasSize(expected.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).get("id")).isEqualTo(expected.get(i).get("id").toString());
            assertThat(rows.get(i).get("command")).isEqualTo(expected.get(i).get("command"));
            assertThat(rows.get(i).get("hash")).isEqualTo(expected.get(i).get("hash"));
        }
    }

    @Test
    void outputToAPipeHasNoEscapeCodes() {
        List<List<String>> commands = List.of(
                List.of("help"),
                List.of("recordings", "delete", "--help"),
                List.of("recordings", "find", "--limit", "5"),
                List.of("recordings", "delete", "--user-id", "5", "--dry-run"),
                List.of("recordings", "delete", "--user-id", "5"),
                List.of("recordings", "delete", "--date-tll", "5"),
                List.of("audit", "list"),
                List.of("no-such-command"));
        for (List<String> command : commands) {
            Result result = Recshell.on(db).run(command.toArray(String[]::new));
            assertThat(result.stdout()).as("stdout of %s", command).doesNotContain("\u001b").doesNotContain("\r");
            assertThat(result.stderr()).as("stderr of %s", command).doesNotContain("\u001b").doesNotContain("\r");
        }
        Result script = Recshell.on(db).stdin("recordings find --limit 2\naudit list --limit 2\n").run();
        assertThat(script.exitCode()).as(script.toString()).isZero();
        assertThat(script.all()).doesNotContain("\u001b").doesNotContain("recshell:" + db.name() + ">");
    }

    private static String utc(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toLocalDateTime().atOffset(ZoneOffset.UTC).toInstant().toString();
    }
}
