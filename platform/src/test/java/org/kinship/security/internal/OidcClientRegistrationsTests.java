package org.kinship.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.kinship.security.OidcLogin;
import org.kinship.security.OidcLoginRefusedException;
import org.kinship.security.OidcSettings;
import org.kinship.testing.FakeOpenIdProvider;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

class OidcClientRegistrationsTests {

    private static OidcSettings settings(String issuer, String secret) {
        return new OidcSettings(issuer, "kinship-test", secret, List.of("openid", "profile"), "preferred_username",
                null, "{baseUrl}/login/oauth2/code/{registrationId}", Set.of());
    }

    @Test
    void anUnreachableProviderIsRefusedAsUnavailableAndTriedAgainNextTime() {
        OidcClientRegistrations registrations = new OidcClientRegistrations(settings("http://127.0.0.1:9", "s"));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> registrations.findByRegistrationId(OidcLogin.REGISTRATION_ID))
                    .isInstanceOfSatisfying(OidcLoginRefusedException.class,
                            refused -> assertThat(refused.category()).isEqualTo("unavailable"));
        }
    }

    @Test
    void theRegistrationIsReadFromDiscoveryOnceWithPkceAndThePublicClientHasNoSecret() {
        try (FakeOpenIdProvider provider = new FakeOpenIdProvider()) {
            OidcClientRegistrations confidential = new OidcClientRegistrations(settings(provider.issuer(), "s3cret"));
            OidcClientRegistrations publicClient = new OidcClientRegistrations(settings(provider.issuer(), " "));

            var registration = confidential.findByRegistrationId(OidcLogin.REGISTRATION_ID);

            assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(provider.issuer() + "/token");
            assertThat(registration.getScopes()).containsExactly("openid", "profile");
            assertThat(registration.getClientSettings().isRequireProofKey()).isTrue();
            assertThat(registration.getClientAuthenticationMethod())
                    .isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
            provider.close();
            assertThat(confidential.findByRegistrationId(OidcLogin.REGISTRATION_ID)).as("kept").isSameAs(registration);
            assertThat(confidential.findByRegistrationId("other")).isNull();
            assertThatThrownBy(() -> publicClient.findByRegistrationId(OidcLogin.REGISTRATION_ID))
                    .as("the provider is gone now").isInstanceOf(OidcLoginRefusedException.class);
        }
    }

    @Test
    void refusalsKeepOnlyAShortErrorCodeNeverTheProvidersDescription() {
        assertThat(OidcLoginSupport.refusal(new OAuth2AuthenticationException(
                new OAuth2Error("invalid_id_token", "claims {iss=…, sub=amina}", null))).reason())
                .isEqualTo("invalid_id_token");
        OidcLoginRefusedException odd = OidcLoginSupport.refusal(new OAuth2AuthenticationException(
                new OAuth2Error("<script>alert(1)</script>")));
        assertThat(odd.reason()).isEqualTo("provider_error");
        assertThat(odd.category()).isEqualTo("provider_error");
        assertThat(new OidcLoginRefusedException("invalid_nonce", null).category()).isEqualTo("invalid_response");
        assertThat(new OidcLoginRefusedException("access_denied", null).category()).isEqualTo("provider_error");
    }

    @Test
    void halfAConfigurationIsRefusedAtStart() {
        assertThatThrownBy(() -> new OidcSettings("https://id.example.org", null, null, List.of("openid"),
                "preferred_username", null, "{baseUrl}", Set.of())).hasMessageContaining("KINSHIP_OIDC_CLIENT_ID");
        assertThatThrownBy(() -> new OidcSettings("https://id.example.org", "c", null, List.of("profile"),
                "preferred_username", null, "{baseUrl}", Set.of())).hasMessageContaining("openid");
        assertThat(new OidcSettings(null, null, null, List.of("openid"), "preferred_username", null, "{baseUrl}",
                Set.of()).enabled()).isFalse();
        assertThat(new OidcSettings("https://id.example.org", "c", null, List.of("openid profile", " email"),
                "preferred_username", null, "{baseUrl}", Set.of()).scopes()).containsExactly("openid", "profile",
                "email");
    }
}
