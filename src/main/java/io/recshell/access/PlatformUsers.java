package io.recshell.access;

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

    /** A row of {@code users} as stored. */
    public record UserRow(long id, String username, String usertype, long ownerId) {
    }
}
