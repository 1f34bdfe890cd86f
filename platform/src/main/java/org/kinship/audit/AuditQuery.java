package org.kinship.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Filters of an audit log search; absent filters match everything.
 *
 * @param actor        user name or user id
 * @param resourceType e.g. {@code case}, {@code user}
 * @param from         inclusive
 * @param to           exclusive
 */
public record AuditQuery(@Nullable String actor, @Nullable String action, @Nullable String resourceType,
        @Nullable String resourceId, @Nullable Instant from, @Nullable Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
