package org.kinship.cases;

import java.time.Instant;

/** A free-text note on a case. Notes are never edited or deleted; a correction is a new note. */
public record CaseNote(String id, String text, Instant writtenAt, String writtenBy) {
}
