package org.kinship.cases;

import java.time.Instant;

/**
 * A service of the case plan changed state (for example delivered after a referral was done); the case history
 * has the entry {@code services/<serviceRef>/<serviceType>}.
 */
public record CaseServiceRecorded(String caseId, String serviceRef, String serviceType, String status, long version,
        String by, Instant at) implements CaseEvent {
}
