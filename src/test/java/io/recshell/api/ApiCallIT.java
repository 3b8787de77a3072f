package io.recshell.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.recshell.support.Recordings;
import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * {@code api call} as MOR's tools and runbooks use it: every example of MOR's
 * recordings_delete page with its exact XML answer, a wrong hash and a hash over the
 * parameters in the wrong order (both refused, nothing deleted), the request checks, and
 * the secret kept out of the audit log and the log file.
 */
class ApiCallIT {

    private static final String SUCCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <success>Recordings were successfully deleted</success>
            """;
    private static final String SEED_REQUEST = "recordings_delete?u=admin&s_user_id=5&date_till=1577836799"
            + "&hash=3da29256e422ae9c4ff53a38b262e0fb9461077e";

    @TempDir
    Path dir;

    private TestDatabase db;
    private Path secretFile;
    private long before;

    @BeforeEach
    void createDatabase() throws IOException {
        db = TestDatabase.withSampleData(300);
        secretFile = Files.writeString(dir.resolve("mor-secret"), "secret\n");
        before = recordings();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Result call(String request) {
        return Recshell.on(db).run("api", "call", "--secret-file", secretFile.toString(), request);
    }

    private static String error(String message) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<error>" + message + "</error>\n";
    }

    private long recordings() {
        return db.count("select count(*) from recordings");
    }

    @Test
    void seedExampleDeletesUserFiveUpToTheEndOf2019() {
        long matching = db.count("select count(*) from recordings where user_id = 5 and datetime < '2020-01-01'");
        assertThat(matching).isPositive();

        Result result = call(SEED_REQUEST);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(SUCCESS);
        assertThat(result.stderr()).contains("Deleted " + matching + " recording");
        assertThat(db.count("select count(*) from recordings where user_id = 5 and datetime < '2020-01-01'")).isZero();
        assertThat(recordings()).isEqualTo(before - matching);
        String archive = db.jdbc().queryForObject(
                "select archive_table from recshell.delete_run order by id desc limit 1", String.class);
        assertThat(db.count("select count(*) from recshell." + archive)).isEqualTo(matching);
        Map<String, Object> entry = db.jdbc().queryForMap("select * from recshell.audit_log where action = 'api_call'");
        assertThat(entry).containsEntry("action", "api_call").containsEntry("outcome", "ok")
                .containsEntry("acting_user", "admin").containsEntry("matched", matching)
                .containsEntry("deleted", matching);
        assertThat((String) entry.get("filters")).contains("\"user_id\":5").contains("\"date_till\":1577836799");
        assertThat((String) entry.get("command")).contains("hash=***")
                .doesNotContain("3da29256e422ae9c4ff53a38b262e0fb9461077e");
    }

    @Test
    void seedExampleWithDeviceAndDateRangeDeletesOnlyThatDevicesCallsInJanuary2021() {
        db.jdbc().update("update devices set user_id = 5 where id = 13");
        Recordings.insert(db, 800_001, 5, 13, 0, 1_609_459_200L, 100);   // 2021-01-01 00:00:00
        Recordings.insert(db, 800_002, 5, 4, 13, 1_612_137_599L, 100);   // 2021-01-31 23:59:59, as destination
        Recordings.insert(db, 800_003, 5, 13, 0, 1_612_137_600L, 100);   // 2021-02-01, outside
        Recordings.insert(db, 800_004, 5, 4, 0, 1_610_000_000L, 100);    // another device
        String where = "user_id = 5 and (src_device_id = 13 or dst_device_id = 13)"
                + " and datetime >= '2021-01-01' and datetime < '2021-02-01'";
        long matching = db.count("select count(*) from recordings where " + where);
        long all = recordings();

        Result result = call("recordings_delete?u=admin&s_user_id=5&s_device_id=13&date_from=1609459200"
                + "&date_till=1612137599&hash=e794bcb581d2e71d407244f6a200cec489a7542e");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(SUCCESS);
        assertThat(db.count("select count(*) from recordings where " + where)).isZero();
        assertThat(recordings()).isEqualTo(all - matching);
        assertThat(Recordings.exists(db, 800_003)).isTrue();
        assertThat(Recordings.exists(db, 800_004)).isTrue();
    }

    @Test
    void seedExampleDeletesOneRecordingById() {
        Recordings.insert(db, 45_454, 7, 0, 0, 1_577_836_799L, 100);
        long all = recordings();

        Result result = call("recordings_delete?u=admin&recording_id=45454&hash=" + sha1("45454secret"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(SUCCESS);
        assertThat(Recordings.exists(db, 45_454)).isFalse();
        assertThat(recordings()).isEqualTo(all - 1);
    }

    @Test
    void seedExampleSimpleUserWithoutFiltersDeletesAllItsOwnRecordings() {
        long own = db.count("select count(*) from recordings where user_id = 5");
        assertThat(own).isPositive();

        Result result = call("recordings_delete?u=gilbertas&hash=" + sha1("secret"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(SUCCESS);
        assertThat(db.count("select count(*) from recordings where user_id = 5")).isZero();
        assertThat(recordings()).isEqualTo(before - own);
        assertThat(lastAudit("acting_user")).isEqualTo("gilbertas");
    }

    @Test
    void wrongHashIsRefusedAndNothingIsDeleted() {
        Result result = call(SEED_REQUEST.replace("077e", "077f"));

        assertRefused(result, 4, "Incorrect hash", "denied");
    }

    @Test
    void hashOverTheParametersInTheWrongOrderIsRefused() {
        String wrongOrder = sha1("1577836799" + "5" + "secret");

        Result result = call("recordings_delete?u=admin&s_user_id=5&date_till=1577836799&hash=" + wrongOrder);

        assertRefused(result, 4, "Incorrect hash", "denied");
    }

    @Test
    void missingHashIsAnIncorrectHash() {
        assertRefused(call("recordings_delete?u=admin&s_user_id=5"), 4, "Incorrect hash", "denied");
    }

    @Test
    void unknownParameterIsRefusedBeforeAnythingRuns() {
        Result result = call("recordings_delete?u=admin&s_user_id=5&date_til=1577836799&hash=" + sha1("5secret"));

        assertRefused(result, 2, "Unknown parameter 'date_til' for recordings_delete; known parameters: u, hash,"
                + " recording_id, s_user_id, s_device_id, date_from, date_till. Nothing was run.", "invalid");
    }

    @Test
    void repeatedParameterIsRefused() {
        Result result = call("recordings_delete?u=admin&s_user_id=5&s_user_id=6&hash=" + sha1("5secret"));

        assertRefused(result, 2, "Parameter 's_user_id' is given more than once", "invalid");
    }

    @Test
    void percentEncodedRequestIsDecodedBeforeTheHashIsChecked() {
        long matching = db.count("select count(*) from recordings where user_id = 5 and datetime < '2020-01-01'");

        Result result = call("recordings_delete?u=%61dmin&s%5Fuser%5Fid=5&date_till=1577836799"
                + "&hash=3da29256e422ae9c4ff53a38b262e0fb9461077e");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(recordings()).isEqualTo(before - matching);
    }

    @Test
    void resellerCannotDeleteTheAdminsUsersRecordings() {
        Result result = call("recordings_delete?u=reseller_north&s_user_id=5&hash=" + sha1("5secret"));

        assertRefused(result, 4, "Access Denied", "denied");
        assertThat(lastAudit("acting_user")).isEqualTo("reseller_north");
    }

    @Test
    void unknownUserIsAccessDenied() {
        assertRefused(call("recordings_delete?u=nobody&s_user_id=5&hash=" + sha1("5secret")), 4, "Access Denied",
                "denied");
    }

    @Test
    void simpleUserNamingAnotherUserIsAccessDenied() {
        assertRefused(call("recordings_delete?u=gilbertas&s_user_id=6&hash=" + sha1("6secret")), 4,
                "Access Denied", "denied");
    }

    @Test
    void missingRecordingAndEmptyMatchAreNotFound() {
        assertRefused(call("recordings_delete?u=admin&recording_id=987654321&hash=" + sha1("987654321secret")), 3,
                "Recording was not found", "not_found");
    }

    @Test
    void adminWithoutAnyFilterIsRefused() {
        assertRefused(call("recordings_delete?u=admin&hash=" + sha1("secret")), 2,
                "At least one filter must be present", "invalid");
    }

    @Test
    void filterRulesAnswerWithMorsMessages() {
        assertRefused(call("recordings_delete?u=admin&s_device_id=13&hash=" + sha1("13secret")), 2,
                "s_user_id must be present", "invalid");
    }

    @Test
    void secretIsReadFromStandardInputWithDash() {
        Result result = Recshell.on(db).stdin("secret\n").run("api", "call", "--secret-file", "-", SEED_REQUEST);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEqualTo(SUCCESS);
    }

    @Test
    void withoutSecretFileNothingRuns() {
        Result result = Recshell.on(db).run("api", "call", SEED_REQUEST);

        assertRefused(result, 2, "Give the API secret key with --secret-file FILE (its first line), or"
                + " --secret-file - to read it from standard input; it is never accepted on the command line",
                "invalid");
    }

    @Test
    void secretNeverReachesTheAuditLogOrTheLogFile() throws IOException {
        String secret = "Zebra-7f3c-never-logged";
        Path file = Files.writeString(dir.resolve("distinct-secret"), secret + "\n");
        String request = "recordings_delete?u=admin&recording_id=7&hash=" + sha1("7" + secret);

        Result ok = Recshell.on(db).run("api", "call", "--secret-file", file.toString(), request);
        Result wrong = Recshell.on(db).run("api", "call", "--secret-file", file.toString(), request + "0");
        Result typedSecret = Recshell.on(db).run("api", "hash", "--secret", secret, "recording_id=7");

        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(4);
        assertThat(typedSecret.exitCode()).as(typedSecret.toString()).isEqualTo(2);
        String audit = String.join("\n", db.jdbc().queryForList(
                "select concat_ws(' ', command, filters, message, acting_user) from recshell.audit_log", String.class));
        assertThat(audit).contains("api hash --secret ***").doesNotContain(secret);
        String log = Files.readString(Path.of("target", "it-logs", "recshell.log"), StandardCharsets.UTF_8);
        assertThat(log).doesNotContain(secret);
        assertThat(ok.all() + wrong.all() + typedSecret.all()).doesNotContain(secret);
    }

    private void assertRefused(Result result, int exitCode, String message, String outcome) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.stdout()).as(result.toString()).isEqualTo(error(message));
        assertThat(result.stderr()).contains("error: " + message);
        assertThat(recordings()).isEqualTo(before);
        assertThat(lastAudit("action")).isEqualTo("api_call");
        assertThat(lastAudit("outcome")).isEqualTo(outcome);
    }

    /** A column of the newest audit entry. */
    private String lastAudit(String column) {
        return db.jdbc().queryForObject("select " + column + " from recshell.audit_log order by id desc limit 1",
                String.class);
    }

    private static String sha1(String text) {
        return DigestUtils.sha1Hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
