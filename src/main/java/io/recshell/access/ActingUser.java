package io.recshell.access;

/**
 * A platform user that recshell acts as ({@code --as USERNAME}, or {@code u} of an API call),
 * as read from the platform's {@code users} table.
 *
 * @param ownerId the reseller that owns this user, 0 for the admin
 */
public record ActingUser(long id, String username, Role role, long ownerId) {
}
