package org.kinship.cases;

import java.time.Instant;

/** A file was attached to a case. */
public record CaseAttachmentAdded(String caseId, String attachmentId, long version, String by, Instant at)
        implements CaseEvent {
}
