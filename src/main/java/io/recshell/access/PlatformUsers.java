package io.recshell.access;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the platform's {@code users} table, which recshell never changes. */
@Repository
public class PlatformUsers {

    private final JdbcClient jdbc;

    public PlatformUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user with exactly this username (case-sensitive), with its raw usertype. */
    public Optional<UserRow> byUsername(String username) {
        return jdbc.sql("select id, username, usertype, owner_id from users where username = ?")
                .param(username)
                .query((rs, n) -> new UserRow(rs.getLong("id"), rs.getString("username"),
                        rs.getString("usertype"), rs.getLong("owner_id")))
                .optional();
    }

    /** The reseller (or 0 for the admin) that owns the user, or empty if there is no such user. */
    public Optional<Long> ownerOf(long userId) {
        return jdbc.sql("select owner_id from users where id = ?").param(userId).query(Long.class).optional();
    }

    /** Users whose username starts with the prefix, by username, at most {@code limit}. */
    public List<UserRow> usernamesStartingWith(String prefix, int limit) {
        return list("username like ? escape '\\' order by username", escapeLike(prefix) + "%", limit);
    }

    /** Users whose id, written in decimal, starts with the digits given, by id. */
    public List<UserRow> idsStartingWith(String digits, int limit) {
        return list("id::text like ? order by id", digits + "%", limit);
    }

    private List<UserRow> list(String condition, String pattern, int limit) {
        return jdbc.sql("select id, username, usertype, owner_id from users where " + condition + " limit ?")
                .params(pattern, limit)
                .query((rs, n) -> new UserRow(rs.getLong("id"), rs.getString("username"),
                        rs.getString("usertype"), rs.getLong("owner_id")))
                .list();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A row of {@code users} as stored. */
    public record UserRow(long id, String username, String usertype, long ownerId) {
    }
}
