package io.recshell.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

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

class RecordingsFindIT {

    private static TestDatabase db;

    @BeforeAll
    static void createDatabase() {
        db = TestDatabase.withSampleData(400);
    }

    @AfterAll
    static void dropDatabase() {
        db.close();
    }

    @Test
    void jsonListsNewestFirstWithTheTotalAndMatchesTheDatabase() {
        Result result = Recshell.on(db).run("recordings", "find", "--user-id", "5", "--limit", "3", "--format", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(result.stdout());
        long total = db.count("select count(*) from recordings where user_id = 5");
        assertThat(json.get("total").asLong()).isEqualTo(total);
        List<Long> expected = db.jdbc().queryForList("select id from recordings where user_id = 5"
                + " order by datetime desc, id desc limit 3", Long.class);
        assertThat(json.get("recordings").valueStream().map(r -> r.get("id").asLong()).toList())
                .isEqualTo(expected);
        JsonNode first = json.get("recordings").get(0);
        assertThat(first.get("size").isNumber()).isTrue();
        assertThat(first.get("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void csvIsParsableAndTheTotalGoesToStandardError() throws Exception {
        Result result = Recshell.on(db).run("recordings", "find", "--limit", "5", "--format", "csv");
        assertThat(result.exitCode()).isZero();
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(result.stdout())).getRecords();
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).get("id")).isEqualTo("400");
        assertThat(result.stderr()).contains("400 recordings matched");
    }

    @Test
    void noFilterListsTheNewestAndMatchingNothingIsNotAnError() {
        Result all = Recshell.on(db).run("recordings", "find", "--limit", "2");
        assertThat(all.exitCode()).isZero();
        assertThat(all.stdout()).contains("Showing 2 of 400 matching recordings");
        Result none = Recshell.on(db).run("recordings", "find", "--user-id", "5", "--date-till", "1000");
        assertThat(none.exitCode()).isZero();
        assertThat(none.stdout()).contains("No recordings match.");
        assertThat(db.count("select count(*) from recshell.audit_log where action = 'find' and matched = 0"))
                .isEqualTo(1);
    }

    @Test
    void findValidatesLikeDelete() {
        Result result = Recshell.on(db).run("recordings", "find", "--device-id", "3");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("s_user_id must be present");
    }
}
