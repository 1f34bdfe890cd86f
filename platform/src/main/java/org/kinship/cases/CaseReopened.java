package org.kinship.cases;

import java.time.Instant;

/** A closed case was opened again. */
public record CaseReopened(String caseId, long version, String by, Instant at) implements CaseEvent {
}
