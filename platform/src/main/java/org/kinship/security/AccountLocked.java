package org.kinship.security;

import java.time.Instant;

/** An account reached the limit of failed sign-ins and is locked until {@code until}. */
public record AccountLocked(String userId, String username, Instant until) {
}
