package org.kinship.security.internal;

import org.jspecify.annotations.Nullable;
import org.kinship.security.OidcLogin;
import org.kinship.security.OidcLoginRefusedException;
import org.kinship.security.OidcSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The provider's registration, read from its discovery document at the first sign-in through it rather than at
 * start: an unreachable provider must not stop Kinship from starting, nor lock out password sign-in (ADR 0018).
 * Once read it is kept; while the provider cannot be reached each attempt is refused as {@code unavailable} and the
 * next one tries again.
 */
final class OidcClientRegistrations implements ClientRegistrationRepository {

    private static final Logger LOG = LoggerFactory.getLogger(OidcClientRegistrations.class);

    private final OidcSettings settings;
    private volatile @Nullable ClientRegistration registration;

    OidcClientRegistrations(OidcSettings settings) {
        this.settings = settings;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        if (!OidcLogin.REGISTRATION_ID.equals(registrationId)) {
            return null;
        }
        ClientRegistration known = registration;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (registration == null) {
                registration = discover();
            }
            return registration;
        }
    }

    private ClientRegistration discover() {
        String issuer = String.valueOf(settings.issuerUri());
        ClientRegistration.Builder builder;
        try {
            builder = ClientRegistrations.fromIssuerLocation(issuer);
        } catch (RuntimeException e) {
            // the message names the issuer and what failed (connection, status, issuer mismatch); no secrets
            LOG.warn("OpenID Connect provider {} cannot be read: {}", issuer, e.getMessage());
            throw new OidcLoginRefusedException("unavailable", null);
        }
        String secret = settings.clientSecret();
        builder.registrationId(OidcLogin.REGISTRATION_ID)
                .clientId(String.valueOf(settings.clientId()))
                .scope(settings.scopes())
                .redirectUri(settings.redirectUri())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .clientName(settings.label() == null || settings.label().isBlank() ? "OpenID Connect"
                        : settings.label())
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
        if (secret == null || secret.isBlank()) {
            builder.clientSecret(null).clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            builder.clientSecret(secret);
        }
        ClientRegistration discovered = builder.build();
        LOG.info("OpenID Connect provider {} read: sign-in through it is available", issuer);
        return discovered;
    }
}
