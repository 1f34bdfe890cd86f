package org.kinship.cases;

import java.time.Instant;

/** A flag was raised on a case. */
public record CaseFlagged(String caseId, String flagId, long version, String by, Instant at) implements CaseEvent {
}
