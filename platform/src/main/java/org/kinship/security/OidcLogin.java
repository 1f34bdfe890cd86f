package org.kinship.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Optional OpenID Connect sign-in of the browser UI (ADR 0018). The UI's security chain calls {@link #configure};
 * its sign-in page asks {@link #enabled()} whether to offer the provider's button. A provider identity signs in
 * only as an existing, enabled Kinship account; the signed-in principal is the same {@link KinshipUser} as after a
 * password sign-in. Refusals reach the sign-in page as {@link OidcLoginRefusedException}.
 */
public interface OidcLogin {

    /** Registration id of the provider, part of both URLs below. */
    String REGISTRATION_ID = "oidc";

    /** Where the browser starts the sign-in (relative to the application's root). */
    String START_PATH = "oauth2/authorization/" + REGISTRATION_ID;

    boolean enabled();

    /** The provider's name for the button, as configured; {@code null} for the translated default. */
    @Nullable String label();

    /**
     * Adds the OpenID Connect sign-in to a session-based security chain whose sign-in page is {@code loginPage}; does
     * nothing when it is not configured.
     */
    void configure(HttpSecurity http, String loginPage) throws Exception;
}
