package org.kinship.security;

import java.time.Instant;

/**
 * A sign-in was refused; {@code reason} is one of {@code bad_credentials, locked, disabled, throttled, otp_missing,
 * bad_otp} for a password sign-in, or an {@link OidcLoginRefusedException#reason() OpenID Connect refusal};
 * {@code method} is {@code password} or {@code oidc}.
 */
public record LoginFailed(String username, String remoteAddress, String reason, Instant at, String method) {

    public static final String PASSWORD = "password";
    public static final String OIDC = "oidc";

    public LoginFailed(String username, String remoteAddress, String reason, Instant at) {
        this(username, remoteAddress, reason, at, PASSWORD);
    }
}
