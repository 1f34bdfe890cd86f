package org.kinship.cases;

import java.time.Instant;

/** A file attached to a case; its bytes are stored apart from the case document. */
public record CaseAttachment(String id, String fileName, String contentType, long size, Instant uploadedAt,
        String uploadedBy) {
}
