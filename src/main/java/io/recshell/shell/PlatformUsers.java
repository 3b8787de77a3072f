package io.recshell.shell;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.recshell.db.DatabaseGate;

/**
 * The platform's users as tab completion offers them: usernames for {@code --as}, ids
 * (with the username beside them) for {@code --user-id}. Completion must never get in the
 * way of typing, so any failure (no database yet, a slow query) just offers nothing.
 */
@Component
public class PlatformUsers {

    /** At most this many suggestions, so a platform with many users stays quick. */
    static final int MAX_SUGGESTIONS = 200;

    private static final Logger log = LoggerFactory.getLogger(PlatformUsers.class);

    private final JdbcClient jdbc;
    private final DatabaseGate gate;

    public PlatformUsers(JdbcClient jdbc, DatabaseGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    /** A user as a completion candidate. */
    public record User(long id, String username, String usertype) {
    }

    public List<User> usernamesStartingWith(String prefix) {
        return query("username like ? escape '\\' order by username", escapeLike(prefix) + "%");
    }

    public List<User> idsStartingWith(String prefix) {
        if (!prefix.chars().allMatch(Character::isDigit)) {
            return List.of();
        }
        return query("id::text like ? order by id", prefix + "%");
    }

    private List<User> query(String condition, String pattern) {
        try {
            gate.ready();
            return jdbc.sql("select id, username, usertype from users where " + condition + " limit ?")
                    .params(pattern, MAX_SUGGESTIONS)
                    .query((rs, n) -> new User(rs.getLong(1), rs.getString(2), rs.getString(3)))
                    .list();
        } catch (RuntimeException e) {
            log.debug("no user completion: {}", e.getMessage());
            return List.of();
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
