package org.kinship.security;

import java.time.Instant;

/** Someone signed in; {@code method} is {@code password} or {@code oidc}. */
public record LoginSucceeded(String userId, String username, String remoteAddress, Instant at, String method) {

    public LoginSucceeded(String userId, String username, String remoteAddress, Instant at) {
        this(userId, username, remoteAddress, at, LoginFailed.PASSWORD);
    }
}
