package io.recshell.shell;

import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.recshell.access.PlatformUsers;
import io.recshell.access.PlatformUsers.UserRow;
import io.recshell.db.DatabaseGate;

/**
 * The platform's users as tab completion offers them: usernames for {@code --as}, ids
 * (with the username beside them) for {@code --user-id}. Completion must never get in the
 * way of typing, so any failure (no database yet, a slow query) just offers nothing.
 */
@Component
public class UserCompletions {

    /** At most this many suggestions, so a platform with many users stays quick. */
    static final int MAX_SUGGESTIONS = 200;

    private static final Logger log = LoggerFactory.getLogger(UserCompletions.class);

    private final PlatformUsers users;
    private final DatabaseGate gate;

    public UserCompletions(PlatformUsers users, DatabaseGate gate) {
        this.users = users;
        this.gate = gate;
    }

    public List<UserRow> usernamesStartingWith(String prefix) {
        return offered(() -> users.usernamesStartingWith(prefix, MAX_SUGGESTIONS));
    }

    public List<UserRow> idsStartingWith(String prefix) {
        if (!prefix.chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        return offered(() -> users.idsStartingWith(prefix, MAX_SUGGESTIONS));
    }

    /** What the query finds once the database is ready, or nothing if anything fails. */
    private List<UserRow> offered(Supplier<List<UserRow>> query) {
        try {
            gate.ready();
            return query.get();
        } catch (RuntimeException e) {
            log.debug("no user completion: {}", e.getMessage());
            return List.of();
        }
    }
}
