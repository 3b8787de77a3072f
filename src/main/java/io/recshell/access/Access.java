package io.recshell.access;

/**
 * Whom a command acts as: nobody in particular (the DBA, with full access) or a platform
 * user, whose access rules then limit what the command sees.
 *
 * @param user the acting platform user, or null for the DBA's full access
 */
public record Access(ActingUser user) {

    /** The DBA's own access, without {@code --as}: every recording. */
    public static final Access FULL = new Access(null);

    /** The acting user's name for the audit log, or null when the DBA acts as nobody. */
    public String actingUser() {
        return user == null ? null : user.username();
    }

    /** Whether some recordings are out of reach. */
    public boolean isLimited() {
        return reach() != null;
    }

    /** The condition that limits what this access sees, or null when it sees everything. */
    public Reach reach() {
        if (user == null || user.role().actsForAdmin()) {
            return null;
        }
        return user.role() == Role.RESELLER ? Reach.ofReseller(user.id()) : Reach.ownedBy(user.id());
    }

    /** The user id a simple user's request implies (MOR fills in s_user_id), or null. */
    public Long impliedUserId() {
        return user != null && user.role() == Role.USER ? user.id() : null;
    }
}
