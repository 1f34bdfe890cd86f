package org.kinship.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A person who signs in to Kinship. {@code email}, when set, receives e-mail notifications (ADR 0019). The password is only ever held as a hash. Sign-in counters
 * ({@code failedLogins}, {@code lockedUntil}, {@code lastLoginAt}) change atomically on sign-in and do not
 * take part in optimistic locking; every other change is conditional on {@code version}.
 */
public record UserAccount(
        String id,
        String username,
        String passwordHash,
        String displayName,
        Set<String> roles,
        @Nullable String agencyCode,
        @Nullable String preferredLocale,
        @Nullable String email,
        boolean enabled,
        int failedLogins,
        @Nullable Instant lockedUntil,
        @Nullable Instant lastLoginAt,
        Instant createdAt,
        long version) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    /**
     * A plausible e-mail address (one {@code @}, a dotted domain, no spaces, at most 254 characters), stripped; blank
     * is none.
     *
     * @throws IllegalArgumentException naming the field when it is not an address
     */
    public static @Nullable String checkedEmail(@Nullable String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String address = email.strip();
        if (address.length() > 254 || !address.matches("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+")) {
            throw new IllegalArgumentException("email: not an e-mail address");
        }
        return address;
    }

    /** Usernames are compared case-insensitively. */
    public static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public UserAccount withPreferredLocale(@Nullable String locale) {
        return new UserAccount(id, username, passwordHash, displayName, roles, agencyCode, locale, email, enabled,
                failedLogins, lockedUntil, lastLoginAt, createdAt, version);
    }

    /** A copy with the fields an administrator edits; counters and version are kept. */
    public UserAccount withProfile(String newDisplayName, Set<String> newRoles, @Nullable String newAgencyCode,
            @Nullable String newLocale, @Nullable String newEmail, boolean newEnabled) {
        return new UserAccount(id, username, passwordHash, newDisplayName, newRoles, newAgencyCode, newLocale,
                newEmail, newEnabled, failedLogins, lockedUntil, lastLoginAt, createdAt, version);
    }

    /** The same account as if read at {@code expectedVersion}, for a change conditional on that version. */
    public UserAccount withVersion(long expectedVersion) {
        return new UserAccount(id, username, passwordHash, displayName, roles, agencyCode, preferredLocale, email,
                enabled, failedLogins, lockedUntil, lastLoginAt, createdAt, expectedVersion);
    }

    public UserAccount withPasswordHash(String newPasswordHash) {
        return new UserAccount(id, username, newPasswordHash, displayName, roles, agencyCode, preferredLocale, email,
                enabled, 0, null, lastLoginAt, createdAt, version);
    }
}
