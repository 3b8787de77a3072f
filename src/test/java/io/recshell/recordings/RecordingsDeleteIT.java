package io.recshell.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recordings;
import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * recordings delete as a cron job meets it: the packaged jar, no terminal, a real
 * PostgreSQL database; every row of SPEC's filter-rules table, inclusive bounds, --expect,
 * refusal without confirmation, and the audit entry of each command.
 */
class RecordingsDeleteIT {

    private static final long TILL = 1_577_836_799L; // 2019-12-31 23:59:59 UTC

    private TestDatabase db;
    private long before;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.withSampleData(300);
        before = db.count("select count(*) from recordings");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Result recshell(String... args) {
        return Recshell.on(db).run(args);
    }

    private void assertNothingDeletedAndAudited(Result result, int exitCode, String message, String outcome) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.stderr()).contains(message);
        assertThat(db.count("select count(*) from recordings")).isEqualTo(before);
        assertThat(db.count("select count(*) from recshell.audit_log where action = 'delete' and outcome = ?",
                outcome)).isEqualTo(1);
    }

    @Test
    void deleteWithoutFilterIsRefused() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--yes"), 2,
                "At least one filter must be present", "invalid");
    }

    @Test
    void recordingIdWithAnotherFilterIsRefused() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--recording-id", "1", "--user-id", "5",
                "--yes"), 2, "recording_id cannot be combined with other filters", "invalid");
    }

    @Test
    void deviceWithoutUserIsRefused() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--device-id", "1", "--yes"), 2,
                "s_user_id must be present", "invalid");
    }

    @Test
    void dateFromAfterDateTillIsRefused() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--user-id", "5", "--date-from", "100",
                "--date-till", "99", "--yes"), 2, "Date from is greater than date till", "invalid");
    }

    @Test
    void unknownRecordingIdIsNotFound() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--recording-id", "987654321", "--yes"), 3,
                "Recording was not found", "not_found");
    }

    @Test
    void filtersMatchingNothingAreNotFound() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--user-id", "5", "--date-till", "1000",
                "--yes"), 3, "Recordings were not found", "not_found");
    }

    @Test
    void deviceOfAnotherUserIsAccessDenied() {
        long otherDevice = Recordings.deviceOf(db, 6);
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--user-id", "5", "--device-id",
                Long.toString(otherDevice), "--yes"), 4, "Access Denied", "denied");
    }

    @Test
    void badValuesNameTheOptionAndValue() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--user-id", "five", "--yes"), 2,
                "--user-id 'five'", "invalid");
    }

    @Test
    void negativeValueIsRefused() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--user-id", "-5", "--yes"), 2,
                "--user-id '-5'", "invalid");
    }

    @Test
    void millisecondsAreRefused() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--user-id", "5", "--date-till",
                "1577836799000", "--yes"), 2, "--date-till '1577836799000'", "invalid");
    }

    @Test
    void misspeltOptionIsAnErrorBeforeAnythingRuns() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--user-id", "5", "--date-tll",
                "1577836799", "--yes"), 2, "Unknown option '--date-tll'", "invalid");
    }

    @Test
    void flagWithAValueIsAnError() {
        assertNothingDeletedAndAudited(recshell("recordings", "delete", "--user-id", "5", "--yes=true"), 2,
                "--yes is a flag", "invalid");
    }

    @Test
    void tillBoundIsInclusiveAndOneSecondLaterSurvives() {
        long device = Recordings.deviceOf(db, 5);
        Recordings.insert(db, 900_001, 5, device, 0, TILL, 1000);
        Recordings.insert(db, 900_002, 5, device, 0, TILL + 1, 1000);
        Result result = recshell("recordings", "delete", "--user-id", "5", "--date-from", Long.toString(TILL),
                "--date-till", Long.toString(TILL), "--yes");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("Would delete 1 recording (").contains("Deleted 1 recording");
        assertThat(Recordings.exists(db, 900_001)).isFalse();
        assertThat(Recordings.exists(db, 900_002)).isTrue();
    }

    @Test
    void seedExampleDeletesEverythingOfUserFiveUpToTheEndOf2019() {
        long matching = db.count("select count(*) from recordings where user_id = 5 and datetime < '2020-01-01'");
        assertThat(matching).isPositive();
        Result result = recshell("recordings", "delete", "--user-id", "5", "--date-till", Long.toString(TILL),
                "--expect", Long.toString(matching));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Deleted " + matching + " recording");
        assertThat(db.count("select count(*) from recordings where user_id = 5 and datetime < '2020-01-01'")).isZero();
        assertThat(db.count("select count(*) from recordings")).isEqualTo(before - matching);
        assertThat(db.count("select count(*) from recshell.archive_1")).isEqualTo(matching);
        assertThat(db.count("select deleted from recshell.audit_log where action = 'delete' and outcome = 'ok'"))
                .isEqualTo(matching);
    }

    @Test
    void expectMismatchAbortsNamingBothNumbers() {
        long matching = db.count("select count(*) from recordings where user_id = 5");
        Result result = recshell("recordings", "delete", "--user-id", "5", "--expect", Long.toString(matching + 1));
        assertNothingDeletedAndAudited(result, 5, "Expected " + (matching + 1), "aborted");
        assertThat(result.stderr()).contains(matching + " match");
    }

    @Test
    void withoutTerminalAndWithoutYesOrExpectTheDeleteIsRefused() {
        Result result = recshell("recordings", "delete", "--user-id", "5");
        assertNothingDeletedAndAudited(result, 2, "--expect", "invalid");
        assertThat(result.stdout()).startsWith("Would delete ");
    }

    @Test
    void dryRunDeletesNothingAndExitsZero() {
        Result result = recshell("recordings", "delete", "--user-id", "5", "--dry-run");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("Would delete ").contains("belonging to 1 user");
        assertThat(db.count("select count(*) from recordings")).isEqualTo(before);
        assertThat(db.count("select count(*) from recshell.audit_log where outcome = 'dry_run'")).isEqualTo(1);
    }

    @Test
    void singleRecordingById() {
        Result result = recshell("recordings", "delete", "--recording-id", "7", "--yes");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).startsWith("Would delete 1 recording (").contains("Deleted 1 recording ");
        assertThat(Recordings.exists(db, 7)).isFalse();
        assertThat(db.count("select count(*) from recordings")).isEqualTo(before - 1);
    }

    @Test
    void deviceFilterMatchesSourceOrDestinationDeviceOfTheUsersRecordings() {
        long device = Recordings.deviceOf(db, 5);
        Recordings.insert(db, 900_010, 5, 0, device, TILL, 10);
        long matching = db.count("select count(*) from recordings where user_id = 5 and (src_device_id = ?"
                + " or dst_device_id = ?)", device, device);
        Result result = recshell("recordings", "delete", "--user-id", "5", "--device-id", Long.toString(device),
                "--yes");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Deleted " + matching + " recording");
        assertThat(Recordings.exists(db, 900_010)).isFalse();
    }

    @Test
    void helpWorksOnTwoWordCommands() {
        Result result = recshell("recordings", "delete", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("--date-till").contains("--expect");
        assertThat(db.count("select count(*) from recordings")).isEqualTo(before);
    }
}
