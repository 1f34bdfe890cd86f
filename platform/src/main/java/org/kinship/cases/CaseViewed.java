package org.kinship.cases;

import java.time.Instant;

/**
 * A user read a case, its history or one of its attachments ({@code what}: {@code case}, {@code history} or
 * {@code attachment:<id>}), for the access log. Lists are not reported case by case.
 */
public record CaseViewed(String caseId, String what, long version, String by, Instant at) implements CaseEvent {
}
