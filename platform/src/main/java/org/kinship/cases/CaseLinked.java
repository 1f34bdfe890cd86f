package org.kinship.cases;

import java.time.Instant;

/**
 * A link to another record was recorded on the case ({@link CaseRecords#recordLink}); {@code linked} is false
 * when the link was withdrawn.
 */
public record CaseLinked(String caseId, String kind, String targetId, boolean linked, long version, String by,
        Instant at) implements CaseEvent {
}
