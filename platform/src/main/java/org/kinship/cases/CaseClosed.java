package org.kinship.cases;

import java.time.Instant;

/** A case was closed (the reason is in the case, not here: it may describe the child). */
public record CaseClosed(String caseId, long version, String by, Instant at) implements CaseEvent {
}
