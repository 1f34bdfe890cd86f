package org.kinship.cases;

import java.time.Instant;

/** Why and when a case was closed, and by whom (a user id). */
public record CaseClosure(String reason, Instant closedAt, String closedBy) {
}
