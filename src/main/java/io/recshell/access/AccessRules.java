package io.recshell.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.recshell.shell.RecshellException;

/**
 * MOR's access rules for {@code recordings_delete}, applied to whoever recshell acts as:
 * an unknown user, a user of a type recshell does not know, and a user id outside the
 * acting user's reach are all {@code Access Denied} (exit 4).
 */
@Service
public class AccessRules {

    private static final Logger log = LoggerFactory.getLogger(AccessRules.class);

    private final PlatformUsers users;

    public AccessRules(PlatformUsers users) {
        this.users = users;
    }

    /**
     * The access of a command run {@code --as} the given user; {@link Access#FULL} when no
     * user is named. Needs the database when a user is named.
     */
    public Access resolve(String username) {
        if (username == null) {
            return Access.FULL;
        }
        PlatformUsers.UserRow row = users.byUsername(username).orElseThrow(() -> {
            log.info("acting user '{}' does not exist: access denied", username);
            return RecshellException.denied();
        });
        Role role = Role.ofUsertype(row.usertype()).orElseThrow(() -> {
            log.warn("user '{}' has usertype '{}', which recshell does not know: access denied", username,
                    row.usertype());
            return RecshellException.denied();
        });
        return new Access(new ActingUser(row.id(), row.username(), role, row.ownerId()));
    }

    /**
     * Denies a user id outside the acting user's reach: for a simple user any id but its own,
     * for a reseller any id but its own and its users'. Users acting for the admin pass.
     */
    public void checkUserId(Access access, Long userId) {
        if (userId == null || !access.isLimited()) {
            return;
        }
        ActingUser acting = access.user();
        if (userId == acting.id()) {
            return;
        }
        boolean ownUser = acting.role() == Role.RESELLER
                && users.ownerOf(userId).map(owner -> owner == acting.id()).orElse(false);
        if (!ownUser) {
            throw RecshellException.denied();
        }
    }
}
