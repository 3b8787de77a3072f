package io.recshell.access;

import java.util.Optional;

/**
 * A platform user's type ({@code users.usertype}) and what it may reach through MOR's API:
 * the admin everything, a manager or an accountant everything on the admin's behalf, a
 * reseller its own recordings and its users', a simple user only its own.
 */
public enum Role {
    ADMIN("admin"),
    MANAGER("manager"),
    ACCOUNTANT("accountant"),
    RESELLER("reseller"),
    USER("user");

    private final String usertype;

    Role(String usertype) {
        this.usertype = usertype;
    }

    public String usertype() {
        return usertype;
    }

    /** Whether this role acts with the admin's reach, which covers every recording. */
    public boolean actsForAdmin() {
        return this == ADMIN || this == MANAGER || this == ACCOUNTANT;
    }

    /** The role of a {@code usertype} value, or empty for a type recshell does not know. */
    public static Optional<Role> ofUsertype(String usertype) {
        for (Role role : values()) {
            if (role.usertype.equals(usertype)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
