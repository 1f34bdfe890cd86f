package org.kinship.security;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The signed-in user as the rest of the application sees it: no password, no counters. It is the
 * principal of every authenticated request.
 */
public record KinshipUser(
        String id,
        String username,
        String displayName,
        Set<String> roles,
        @Nullable String agencyCode,
        @Nullable String preferredLocale) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public KinshipUser {
        roles = Set.copyOf(roles);
    }

    public static KinshipUser of(UserAccount account) {
        return new KinshipUser(account.id(), account.username(), account.displayName(), account.roles(),
                account.agencyCode(), account.preferredLocale());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    @Override
    public String getName() {
        return username;
    }
}
