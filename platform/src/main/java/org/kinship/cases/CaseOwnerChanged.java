package org.kinship.cases;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The responsible worker (and possibly the agency) of a case changed: a transfer was accepted or a supervisor
 * (re)assigned the case. The previous owner keeps access only if still assigned or in one of the case's groups.
 */
public record CaseOwnerChanged(String caseId, String previousOwnerId, String ownerId,
        @Nullable String previousAgencyCode, @Nullable String agencyCode, CaseCustody.OwnerChange kind, long version,
        String by, Instant at) implements CaseEvent {
}
