package io.recshell.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.recshell.recordings.FilterValidator;
import io.recshell.recordings.RecordingFilter;
import io.recshell.recordings.Where;

class AccessTest {

    private static final Access ADMIN = new Access(new ActingUser(0, "admin", Role.ADMIN, 0));
    private static final Access MANAGER = new Access(new ActingUser(1, "manager", Role.MANAGER, 0));
    private static final Access ACCOUNTANT = new Access(new ActingUser(2, "accountant", Role.ACCOUNTANT, 0));
    private static final Access RESELLER = new Access(new ActingUser(3, "reseller_north", Role.RESELLER, 0));
    private static final Access USER = new Access(new ActingUser(6, "jonas", Role.USER, 3));

    @Test
    void adminManagerAndAccountantSeeEverything() {
        for (Access access : new Access[] {Access.FULL, ADMIN, MANAGER, ACCOUNTANT}) {
            assertThat(access.isLimited()).isFalse();
            assertThat(access.impliedUserId()).isNull();
        }
    }

    @Test
    void resellerReachCoversOwnerAndCalledUserOfItselfAndItsUsers() {
        Reach reach = RESELLER.reach();
        assertThat(reach.sql()).contains("r.user_id = ?").contains("r.dst_user_id = ?").contains("owner_id = ?");
        assertThat(reach.params()).containsOnly(3L);
        assertThat(RESELLER.impliedUserId()).isNull();
    }

    @Test
    void simpleUserReachesOnlyItsOwnRecordingsAndItsIdIsImplied() {
        assertThat(USER.reach()).isEqualTo(new Reach("r.user_id = ?", List.of(6L)));
        assertThat(USER.impliedUserId()).isEqualTo(6L);
    }

    @Test
    void simpleUserWithoutFiltersGetsItsOwnIdSoTheDeviceRuleIsMet() {
        RecordingFilter typed = FilterValidator.values(null, null, "13", null, null);
        RecordingFilter filter = FilterValidator.actingAs(typed, USER);
        assertThat(filter.userId()).isEqualTo(6L);
        assertThat(filter.isEmpty()).isFalse();
    }

    @Test
    void simpleUserAskingForOneRecordingGetsNoImpliedIdSoRecordingIdStaysAlone() {
        RecordingFilter filter = FilterValidator.actingAs(FilterValidator.values("7", null, null, null, null), USER);
        assertThat(filter.userId()).isNull();
        assertThat(Where.of(filter).sql()).isEqualTo("r.id = ? and (r.user_id = ?)");
    }

    @Test
    void theReachIsPartOfEveryWhereBuiltFromTheFilter() {
        RecordingFilter filter = FilterValidator.values(null, null, null, "0", "10").actingAs(RESELLER);
        Where where = Where.of(filter, new Where("r.id > ?", List.of(5L)));
        assertThat(where.sql()).contains("r.dst_user_id").endsWith("and (r.id > ?)");
        assertThat(where.params()).endsWith(3L, 3L, 3L, 3L, 5L);
    }

    @Test
    void withoutActingUserNothingChanges() {
        RecordingFilter typed = FilterValidator.values(null, "5", null, null, "1577836799");
        assertThat(typed.actingAs(Access.FULL)).isEqualTo(typed);
        assertThat(Where.of(typed).sql()).isEqualTo("r.user_id = ? and r.datetime < ?");
    }

    @Test
    void unknownUsertypesHaveNoRole() {
        assertThat(Role.ofUsertype("partner")).isEmpty();
        assertThat(Role.ofUsertype("reseller")).contains(Role.RESELLER);
    }
}
