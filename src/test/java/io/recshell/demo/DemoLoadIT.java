package io.recshell.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/** demo load --replace shows what it would remove and needs --yes without a terminal. */
class DemoLoadIT {

    private TestDatabase db;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.withSampleData(120);
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    @Test
    void replaceWithoutTerminalRefusesWithoutYesAndRemovesNothing() {
        long users = db.count("select count(*) from users");

        Result result = Recshell.on(db).run("demo", "load", "--recordings", "30", "--replace");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(result.stdout()).contains("--replace would remove " + users + " users")
                .contains("and 120 recordings from database " + db.name());
        assertThat(result.stderr()).contains("add --yes");
        assertThat(db.count("select count(*) from recordings")).isEqualTo(120);
    }

    @Test
    void replaceWithYesReplacesAndAuditsWhatItRemoved() {
        long users = db.count("select count(*) from users");

        Result result = Recshell.on(db).run("demo", "load", "--recordings", "30", "--replace", "--yes");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(db.count("select count(*) from recordings")).isEqualTo(30);
        String message = db.jdbc().queryForObject("select message from recshell.audit_log"
                + " where action = 'demo_load' order by id desc limit 1", String.class);
        assertThat(message).contains("Removed " + users + " users").contains("and 120 recordings from database "
                + db.name());
    }

    @Test
    void loadIntoTablesHoldingDataWithoutReplaceIsRefused() {
        Result result = Recshell.on(db).run("demo", "load", "--recordings", "30");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
        assertThat(db.count("select count(*) from recordings")).isEqualTo(120);
    }
}
