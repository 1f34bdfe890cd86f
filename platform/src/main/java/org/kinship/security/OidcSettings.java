package org.kinship.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional OpenID Connect sign-in of the browser UI (ADR 0018). Off unless both the issuer and the client id are
 * set; every value comes from an environment variable.
 *
 * @param issuerUri         the provider's issuer; its {@code /.well-known/openid-configuration} is read at the first
 *                          sign-in, not at start ({@code KINSHIP_OIDC_ISSUER_URI})
 * @param clientId          Kinship's client id at the provider ({@code KINSHIP_OIDC_CLIENT_ID})
 * @param clientSecret      its secret; empty for a public client, which then relies on PKCE alone
 *                          ({@code KINSHIP_OIDC_CLIENT_SECRET})
 * @param scopes            requested scopes, comma- or space-separated ({@code KINSHIP_OIDC_SCOPES}, default
 *                          {@code openid,profile,email})
 * @param usernameClaim     the ID token claim matched against Kinship user names
 *                          ({@code KINSHIP_OIDC_USERNAME_CLAIM}, default {@code preferred_username}; {@code email}
 *                          for accounts named by e-mail address, which then must be verified by the provider)
 * @param label             the provider's name on the sign-in button, "Sign in with …" ({@code KINSHIP_OIDC_LABEL};
 *                          empty: the translated "single sign-on")
 * @param redirectUri       where the provider sends the browser back ({@code KINSHIP_OIDC_REDIRECT_URI}, default
 *                          {@code {baseUrl}/login/oauth2/code/oidc})
 * @param totpRequiredRoles roles whose holders may not sign in through the provider but must use their password and
 *                          Kinship's own one-time code ({@code KINSHIP_OIDC_TOTP_REQUIRED_ROLES}; default none: the
 *                          provider's own second factor counts)
 */
@ConfigurationProperties("kinship.oidc")
public record OidcSettings(
        @Nullable String issuerUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
        @DefaultValue("preferred_username") String usernameClaim,
        @Nullable String label,
        @DefaultValue("{baseUrl}/login/oauth2/code/{registrationId}") String redirectUri,
        @DefaultValue Set<String> totpRequiredRoles) {

    public OidcSettings {
        // comma- or space-separated, as providers write them
        scopes = scopes.stream().flatMap(value -> Arrays.stream(value.split("\\s+")))
                .filter(scope -> !scope.isEmpty()).distinct().toList();
        totpRequiredRoles = Set.copyOf(totpRequiredRoles);
        if (hasText(issuerUri) != hasText(clientId)) {
            throw new IllegalStateException(
                    "OpenID Connect sign-in needs both KINSHIP_OIDC_ISSUER_URI and KINSHIP_OIDC_CLIENT_ID "
                            + "(only one is set)");
        }
        if (hasText(issuerUri) && !scopes.contains("openid")) {
            throw new IllegalStateException("KINSHIP_OIDC_SCOPES must contain openid");
        }
        if (usernameClaim.isBlank()) {
            throw new IllegalStateException("KINSHIP_OIDC_USERNAME_CLAIM must not be empty");
        }
    }

    /** Whether OpenID Connect sign-in is configured at all. */
    public boolean enabled() {
        return hasText(issuerUri);
    }

    public boolean totpRequiredFor(Set<String> roles) {
        return roles.stream().anyMatch(totpRequiredRoles::contains);
    }

    private static boolean hasText(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
