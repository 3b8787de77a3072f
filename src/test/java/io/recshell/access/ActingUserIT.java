package io.recshell.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.recshell.support.Recordings;
import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --as} beyond the matrix: find lists only the acting user's reach, the dry run and
 * {@code --expect} count only it, a simple user's id is implied, a reseller reaches calls to
 * its users, and the audit entry names the acting user.
 */
class ActingUserIT {

    /** reseller_north (3) and its users, by owner or called user. */
    private static final String NORTH_REACH = """
            (user_id = 3 or dst_user_id = 3
             or user_id in (select id from users where owner_id = 3)
             or dst_user_id in (select id from users where owner_id = 3))""";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestDatabase db;
    private long before;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.withSampleData(1_000);
        before = recordings();
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Result recshell(String... args) {
        return Recshell.on(db).run(args);
    }

    private long recordings() {
        return db.count("select count(*) from recordings");
    }

    @Test
    void findAsSimpleUserWithoutFiltersListsOnlyItsOwnRecordings() {
        Result result = recshell("recordings", "find", "--as", "jonas", "--limit", "100000", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = JSON.readTree(result.stdout());
        long own = db.count("select count(*) from recordings where user_id = 6");
        assertThat(own).isPositive();
        assertThat(json.get("total").asLong()).isEqualTo(own);
        assertThat(json.get("recordings").valueStream().map(r -> r.get("user_id").asLong()).distinct().toList())
                .containsExactly(6L);
    }

    @Test
    void findAsResellerCountsOwnAndItsUsersRecordingsByOwnerOrCalledUser() {
        long reach = db.count("select count(*) from recordings where " + NORTH_REACH);
        assertThat(reach).isPositive().isLessThan(before);

        Result result = recshell("recordings", "find", "--as", "reseller_north", "--limit", "0", "--format", "json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(JSON.readTree(result.stdout()).get("total").asLong()).isEqualTo(reach);
    }

    @Test
    void findOfARecordingOutsideTheResellersReachIsDenied() {
        long outside = db.count("select min(id) from recordings where not " + NORTH_REACH);

        Result result = recshell("recordings", "find", "--as", "reseller_north", "--recording-id",
                Long.toString(outside));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.stderr()).contains("Access Denied");
        assertThat(result.stdout()).isEmpty();
    }

    @Test
    void findAsUnknownUserIsDenied() {
        Result result = recshell("recordings", "find", "--as", "nobody");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
        assertThat(result.stderr()).contains("Access Denied");
    }

    @Test
    void userOfATypeRecshellDoesNotKnowIsDenied() {
        db.jdbc().update("update users set usertype = 'partner' where id = 7");
        String username = db.jdbc().queryForObject("select username from users where id = 7", String.class);

        Result result = recshell("recordings", "find", "--as", username);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
    }

    @Test
    void dryRunAndExpectCountOnlyTheActingUsersReach() {
        String till = "1577836799";
        long reach = db.count("select count(*) from recordings where datetime < '2020-01-01' and " + NORTH_REACH);
        long all = db.count("select count(*) from recordings where datetime < '2020-01-01'");
        assertThat(reach).isPositive().isLessThan(all);

        Result dryRun = recshell("recordings", "delete", "--as", "reseller_north", "--date-till", till, "--dry-run");
        Result expectAll = recshell("recordings", "delete", "--as", "reseller_north", "--date-till", till,
                "--expect", Long.toString(all));

        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.stdout()).startsWith("Would delete " + reach + " recording");
        assertThat(expectAll.exitCode()).as(expectAll.toString()).isEqualTo(5);
        assertThat(expectAll.stderr()).contains("Expected " + all).contains(reach + " match");
        assertThat(recordings()).isEqualTo(before);
    }

    @Test
    void resellerDeletesByDateRangeOnlyWithinItsReach() {
        long reach = db.count("select count(*) from recordings where datetime < '2020-01-01' and " + NORTH_REACH);

        Result result = recshell("recordings", "delete", "--as", "reseller_north", "--date-till", "1577836799",
                "--expect", Long.toString(reach));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("Deleted " + reach + " recording");
        assertThat(db.count("select count(*) from recordings where datetime < '2020-01-01' and " + NORTH_REACH))
                .isZero();
        assertThat(recordings()).isEqualTo(before - reach);
    }

    @Test
    void resellerReachesTheAdminsUsersCallToItsUser() {
        Recordings.insert(db, 900_001, 5, Recordings.deviceOf(db, 5), 0, 1_600_000_000L, 10);
        db.jdbc().update("update recordings set dst_user_id = 6 where id = 900001");

        Result result = recshell("recordings", "delete", "--as", "reseller_north", "--recording-id", "900001",
                "--yes");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Recordings.exists(db, 900_001)).isFalse();
    }

    @Test
    void simpleUserWithoutAnyFilterDeletesAllItsOwnRecordings() {
        long own = db.count("select count(*) from recordings where user_id = 6");

        Result result = recshell("recordings", "delete", "--as", "jonas", "--yes");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(db.count("select count(*) from recordings where user_id = 6")).isZero();
        assertThat(recordings()).isEqualTo(before - own);
    }

    @Test
    void simpleUserMayNameItsDeviceWithoutItsUserId() {
        long device = Recordings.deviceOf(db, 6);
        long onDevice = db.count("select count(*) from recordings where user_id = 6 and (src_device_id = ?"
                + " or dst_device_id = ?)", device, device);
        assertThat(onDevice).isPositive();

        Result own = recshell("recordings", "delete", "--as", "jonas", "--device-id", Long.toString(device), "--yes");
        Result other = recshell("recordings", "delete", "--as", "jonas", "--device-id",
                Long.toString(Recordings.deviceOf(db, 5)), "--yes");

        assertThat(own.exitCode()).as(own.toString()).isZero();
        assertThat(recordings()).isEqualTo(before - onDevice);
        assertThat(other.exitCode()).as(other.toString()).isEqualTo(4);
        assertThat(other.stderr()).contains("Access Denied");
    }

    @Test
    void auditEntryNamesTheActingUserOrNoneForTheDba() {
        Result asReseller = recshell("recordings", "delete", "--as", "reseller_north", "--user-id", "6", "--dry-run");
        Result denied = recshell("recordings", "delete", "--as", "nobody", "--user-id", "6", "--yes");
        Result dba = recshell("recordings", "find", "--user-id", "6", "--limit", "1");

        assertThat(asReseller.exitCode()).as(asReseller.toString()).isZero();
        assertThat(denied.exitCode()).as(denied.toString()).isEqualTo(4);
        assertThat(dba.exitCode()).as(dba.toString()).isZero();
        assertThat(entry(1)).containsEntry("action", "delete").containsEntry("outcome", "dry_run")
                .containsEntry("acting_user", "reseller_north");
        assertThat(entry(2)).containsEntry("outcome", "denied").containsEntry("acting_user", "nobody")
                .containsEntry("message", "Access Denied");
        assertThat(entry(3)).containsEntry("action", "find").containsEntry("acting_user", null);
    }

    @Test
    void simpleUsersImpliedIdIsWrittenIntoTheAuditFilters() {
        Result result = recshell("recordings", "find", "--as", "jonas", "--limit", "1");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat((String) entry(1).get("filters")).isEqualTo("{\"user_id\":6}");
    }

    private Map<String, Object> entry(long id) {
        return db.jdbc().queryForMap("select * from recshell.audit_log where id = ?", id);
    }
}
