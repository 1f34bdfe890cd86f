package org.kinship.security;

import org.jspecify.annotations.Nullable;

/**
 * A signed-in user tried something their permissions do not allow, and was refused. Published for the audit
 * log; {@code reason} is a short code such as {@code missing_permission}, {@code own_account},
 * {@code other_agency} or {@code role_not_grantable}.
 */
public record AccessDenied(String userId, String username, String resource, String action,
        @Nullable String resourceId, String reason) {
}
