package org.kinship.security;

import java.time.Instant;

/** Someone signed in. */
public record LoginSucceeded(String userId, String username, String remoteAddress, Instant at) {
}
