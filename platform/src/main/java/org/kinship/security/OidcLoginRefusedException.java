package org.kinship.security;

import java.io.Serial;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;

/**
 * An OpenID Connect sign-in was refused. {@code reason} is a code without any token content, audited as the reason
 * of {@code login.failure} and translated on the sign-in page ({@link #category()}): {@code unknown_user},
 * {@code disabled}, {@code locked}, {@code missing_claim}, {@code email_not_verified},
 * {@code second_factor_required}, {@code unavailable}, or an OAuth 2.0 error code ({@code invalid_id_token},
 * {@code invalid_nonce}, {@code authorization_request_not_found}, {@code access_denied}, …).
 */
public class OidcLoginRefusedException extends AuthenticationException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final @Nullable String username;

    public OidcLoginRefusedException(String reason, @Nullable String username) {
        super("OpenID Connect sign-in refused: " + reason);
        this.reason = reason;
        this.username = username;
    }

    public String reason() {
        return reason;
    }

    /** The user name the provider asserted, when the refusal came after its answer was verified. */
    public @Nullable String username() {
        return username;
    }

    /**
     * What the sign-in page tells the user: the reason itself for Kinship's own refusals, {@code invalid_response}
     * for an answer that could not be verified (signature, issuer, audience, nonce, state), {@code provider_error}
     * for anything else the provider answered.
     */
    public String category() {
        return switch (reason) {
            case "unknown_user", "disabled", "locked", "missing_claim", "email_not_verified", "second_factor_required",
                    "unavailable" -> reason;
            case "invalid_id_token", "invalid_nonce", "authorization_request_not_found", "invalid_state_parameter",
                    "invalid_request", "invalid_redirect_uri_parameter", "client_registration_not_found" ->
                    "invalid_response";
            default -> "provider_error";
        };
    }
}
