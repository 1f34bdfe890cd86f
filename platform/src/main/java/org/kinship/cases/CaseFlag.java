package org.kinship.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A warning raised on a case (for example "child missing from shelter"), resolved later with a comment. */
public record CaseFlag(String id, String reason, Instant flaggedAt, String flaggedBy,
        @Nullable Instant resolvedAt, @Nullable String resolvedBy, @Nullable String resolution) {

    public boolean resolved() {
        return resolvedAt != null;
    }
}
