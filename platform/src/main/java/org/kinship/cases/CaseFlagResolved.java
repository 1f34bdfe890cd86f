package org.kinship.cases;

import java.time.Instant;

/** A flag on a case was resolved with a comment. */
public record CaseFlagResolved(String caseId, String flagId, long version, String by, Instant at)
        implements CaseEvent {
}
