package io.recshell.access;

import java.util.List;

/**
 * The recordings an acting user may see, as an SQL condition over {@code recordings r}
 * with positional parameters (never values pasted into the text). The recordings queries
 * add it to their own conditions, so that the dry run, the confirmation and the delete all
 * see only what the acting user may see.
 */
public record Reach(String sql, List<Object> params) {

    /** A simple user's reach: the recordings it owns. */
    static Reach ownedBy(long userId) {
        return new Reach("r.user_id = ?", List.of(userId));
    }

    /**
     * A reseller's reach: recordings whose owner ({@code user_id}) or called user
     * ({@code dst_user_id}) is the reseller itself or one of its users (SPEC section 9).
     */
    static Reach ofReseller(long resellerId) {
        return new Reach("""
                r.user_id = ? or r.dst_user_id = ?
                or r.user_id in (select u.id from users u where u.owner_id = ?)
                or r.dst_user_id in (select u.id from users u where u.owner_id = ?)""",
                List.of(resellerId, resellerId, resellerId, resellerId));
    }
}
