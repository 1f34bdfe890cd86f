package org.kinship.cases;

import java.time.Instant;

/** A note was written on a case. */
public record CaseNoteAdded(String caseId, String noteId, long version, String by, Instant at) implements CaseEvent {
}
