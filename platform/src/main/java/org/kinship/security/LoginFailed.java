package org.kinship.security;

import java.time.Instant;

/** A sign-in was refused; {@code reason} is one of {@code bad_credentials, locked, disabled, throttled}. */
public record LoginFailed(String username, String remoteAddress, String reason, Instant at) {
}
