package org.kinship.consent;

import java.time.Instant;

/** A supervisor decided to proceed without consent for one purpose, with a reason (ADR 0005). */
public record ConsentOverride(ConsentPurpose purpose, String byUserId, String byUsername, Instant at, String reason) {
}
