package io.recshell.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.recshell.support.Recordings;
import io.recshell.support.Recshell;
import io.recshell.support.Recshell.Result;
import io.recshell.support.TestDatabase;

/**
 * The access rules of {@code --as}, cell by cell: each acting role (admin, reseller,
 * manager, simple user, unknown user) against each target (its own recording, its own
 * user's, another reseller's user's, the admin's user's), selected by id, by user, by device
 * and by date range, through {@code recordings delete --yes} run as a process. Every cell
 * starts from the same fixture and checks exit code, message and the recordings left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActingUserMatrixIT {

    /** A fixture recording: its id, owner, the owner's device and its time (all distinct). */
    record Target(long recordingId, long userId, long deviceId, long epochSecond) {
    }

    private static final long T0 = 1_600_000_000L;
    private static final Target ADMINS_OWN = target(0, 0);
    private static final Target MANAGERS_OWN = target(1, 1);
    private static final Target NORTH_RESELLERS_OWN = target(2, 3);
    private static final Target GILBERTAS = target(3, 5);
    private static final Target JONAS = target(4, 6);
    private static final Target NORTH_SECOND_USER = target(5, 9001);
    private static final Target SOUTH_CUSTOMER = target(6, 9002);
    private static final List<Target> ALL = List.of(ADMINS_OWN, MANAGERS_OWN, NORTH_RESELLERS_OWN, GILBERTAS, JONAS,
            NORTH_SECOND_USER, SOUTH_CUSTOMER);

    enum Kind { OWN, OWN_USERS, ANOTHER_RESELLERS_USERS, ADMINS_USERS }

    enum Mode { BY_ID, BY_USER, BY_DEVICE, BY_DATE_RANGE }

    /**
     * An acting user, the recording each target kind means for it, and the kinds it may
     * delete. A simple user has no users of its own: its "own user's" target is the
     * recording of another user of the same reseller.
     */
    enum Actor {
        ADMIN("admin", Map.of(Kind.OWN, ADMINS_OWN, Kind.OWN_USERS, GILBERTAS,
                Kind.ANOTHER_RESELLERS_USERS, SOUTH_CUSTOMER, Kind.ADMINS_USERS, GILBERTAS),
                EnumSet.allOf(Kind.class)),
        RESELLER("reseller_north", Map.of(Kind.OWN, NORTH_RESELLERS_OWN, Kind.OWN_USERS, JONAS,
                Kind.ANOTHER_RESELLERS_USERS, SOUTH_CUSTOMER, Kind.ADMINS_USERS, GILBERTAS),
                EnumSet.of(Kind.OWN, Kind.OWN_USERS)),
        MANAGER("manager", Map.of(Kind.OWN, MANAGERS_OWN, Kind.OWN_USERS, GILBERTAS,
                Kind.ANOTHER_RESELLERS_USERS, SOUTH_CUSTOMER, Kind.ADMINS_USERS, GILBERTAS),
                EnumSet.allOf(Kind.class)),
        SIMPLE_USER("jonas", Map.of(Kind.OWN, JONAS, Kind.OWN_USERS, NORTH_SECOND_USER,
                Kind.ANOTHER_RESELLERS_USERS, SOUTH_CUSTOMER, Kind.ADMINS_USERS, GILBERTAS), EnumSet.of(Kind.OWN)),
        UNKNOWN_USER("no_such_user", Map.of(Kind.OWN, JONAS, Kind.OWN_USERS, NORTH_SECOND_USER,
                Kind.ANOTHER_RESELLERS_USERS, SOUTH_CUSTOMER, Kind.ADMINS_USERS, GILBERTAS),
                EnumSet.noneOf(Kind.class));

        final String username;
        final Map<Kind, Target> targets;
        final Set<Kind> reaches;

        Actor(String username, Map<Kind, Target> targets, Set<Kind> reaches) {
            this.username = username;
            this.targets = targets;
            this.reaches = reaches;
        }
    }

    private TestDatabase db;

    @BeforeAll
    void createDatabase() {
        db = TestDatabase.withSampleData(100);
        db.jdbc().update("insert into users (id, username, usertype, owner_id) values"
                + " (9001, 'north_second', 'user', 3), (9002, 'south_customer', 'user', 4)");
        for (Target target : ALL) {
            db.jdbc().update("insert into devices (id, user_id, name, extension) values (?, ?, ?, ?)",
                    target.deviceId(), target.userId(), "fixture-" + target.deviceId(), "9" + target.deviceId());
        }
    }

    @AfterAll
    void dropDatabase() {
        db.close();
    }

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (Actor actor : Actor.values()) {
            for (Kind kind : Kind.values()) {
                for (Mode mode : Mode.values()) {
                    cells.add(Arguments.of(actor, kind, mode));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} deletes {1} {2}")
    @MethodSource("cells")
    void deleteAsActorReachesOnlyWhatMorAllows(Actor actor, Kind kind, Mode mode) {
        resetRecordings();
        Target target = actor.targets.get(kind);
        List<String> command = new ArrayList<>(List.of("recordings", "delete", "--as", actor.username));
        command.addAll(selection(target, mode));
        command.add("--yes");

        Result result = Recshell.on(db).run(command.toArray(String[]::new));

        if (actor.reaches.contains(kind)) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).as(result.toString()).contains("Deleted 1 recording ");
            assertThat(remaining()).containsExactlyInAnyOrderElementsOf(idsExcept(target));
        } else {
            boolean notFound = actor != Actor.UNKNOWN_USER && mode == Mode.BY_DATE_RANGE;
            assertThat(result.exitCode()).as(result.toString()).isEqualTo(notFound ? 3 : 4);
            assertThat(result.stderr()).as(result.toString())
                    .contains(notFound ? "Recordings were not found" : "Access Denied");
            assertThat(remaining()).containsExactlyInAnyOrderElementsOf(idsExcept(null));
        }
    }

    private static List<String> selection(Target target, Mode mode) {
        String when = Long.toString(target.epochSecond());
        return switch (mode) {
            case BY_ID -> List.of("--recording-id", Long.toString(target.recordingId()));
            case BY_USER -> List.of("--user-id", Long.toString(target.userId()));
            case BY_DEVICE -> List.of("--user-id", Long.toString(target.userId()), "--device-id",
                    Long.toString(target.deviceId()));
            case BY_DATE_RANGE -> List.of("--date-from", when, "--date-till", when);
        };
    }

    private void resetRecordings() {
        db.jdbc().update("delete from recordings");
        for (Target target : ALL) {
            Recordings.insert(db, target.recordingId(), target.userId(), target.deviceId(), 0, target.epochSecond(),
                    1_000);
        }
    }

    private List<Long> remaining() {
        return db.jdbc().queryForList("select id from recordings", Long.class);
    }

    private static List<Long> idsExcept(Target gone) {
        return ALL.stream().filter(t -> t != gone).map(Target::recordingId).toList();
    }

    private static Target target(int index, long userId) {
        return new Target(9_500 + index, userId, 9_100 + index, T0 + index * 86_400L);
    }
}
