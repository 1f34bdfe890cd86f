package org.kinship.security.internal;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.OidcLogin;
import org.kinship.security.OidcLoginRefusedException;
import org.kinship.security.OidcSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect sign-in with the authorization code flow (PKCE, nonce, state), as configured by
 * {@link OidcSettings}. Spring Security checks the provider's answer (ID token signature against the provider's
 * keys, issuer, audience, expiry, nonce); {@link OidcAccounts} maps the identity to a Kinship account. The session
 * then holds the same principal as a password sign-in: a {@link KinshipUser} with its roles as authorities. No
 * token is kept (the access token is not needed after sign-in) and none is logged.
 */
@Component
class OidcLoginSupport implements OidcLogin {

    private static final Logger LOG = LoggerFactory.getLogger(OidcLoginSupport.class);
    /** OAuth 2.0 error codes are short lower-case words; anything else the provider sends is not audited as is. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,64}");

    private final OidcSettings settings;
    private final OidcAccounts accounts;
    private final OidcClientRegistrations registrations;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    OidcLoginSupport(OidcSettings settings, OidcAccounts accounts) {
        this.settings = settings;
        this.accounts = accounts;
        this.registrations = new OidcClientRegistrations(settings);
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public @Nullable String label() {
        return settings.label() == null || settings.label().isBlank() ? null : settings.label().strip();
    }

    @Override
    public void configure(HttpSecurity http, String loginPage) throws Exception {
        if (!enabled()) {
            return;
        }
        AuthenticationFailureHandler failure = refusedTo(loginPage);
        http.oauth2Login(oauth -> oauth
                .loginPage(loginPage)
                .clientRegistrationRepository(registrations)
                .authorizedClientRepository(new NoAuthorizedClients())
                .securityContextRepository(contextRepository)
                .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcUserService()))
                .successHandler(signedInAsKinshipUser())
                .failureHandler(failure)
                .withObjectPostProcessor(new ObjectPostProcessor<Object>() {
                    @Override
                    public <O> O postProcess(O object) {
                        if (object instanceof OAuth2LoginAuthenticationFilter filter) {
                            filter.setAuthenticationResultConverter(OidcLoginSupport.this::toKinshipAccount);
                        } else if (object instanceof OAuth2AuthorizationRequestRedirectFilter filter) {
                            // e.g. the discovery document cannot be read: back to the sign-in page, not a 500
                            filter.setAuthenticationFailureHandler(failure);
                        }
                        return object;
                    }
                }));
    }

    /**
     * Runs inside the authentication, before anything is stored in the session: an identity without an account is
     * refused here, and the success is audited before the user is signed in (fail closed).
     */
    private OAuth2AuthenticationToken toKinshipAccount(OAuth2LoginAuthenticationToken verified) {
        OidcUser identity = (OidcUser) verified.getPrincipal();
        KinshipUser user = accounts.signIn(identity,
                KinshipAuthenticationProvider.remoteAddress(verified.getDetails()));
        UsernamePasswordAuthenticationToken signedIn = KinshipAuthenticationProvider.signedIn(user);
        return new OAuth2AuthenticationToken(new MappedIdentity(identity, user), signedIn.getAuthorities(),
                verified.getClientRegistration().getRegistrationId());
    }

    /** Replaces the provider's authentication by the Kinship one and continues where the user wanted to go. */
    private AuthenticationSuccessHandler signedInAsKinshipUser() {
        AuthenticationSuccessHandler continuation = new SavedRequestAwareAuthenticationSuccessHandler();
        return (request, response, authentication) -> {
            KinshipUser user = ((MappedIdentity) authentication.getPrincipal()).user;
            UsernamePasswordAuthenticationToken signedIn = KinshipAuthenticationProvider.signedIn(user);
            signedIn.setDetails(authentication.getDetails());
            SecurityContext context = contexts.createEmptyContext();
            context.setAuthentication(signedIn);
            contexts.setContext(context);
            contextRepository.saveContext(context, request, response);
            continuation.onAuthenticationSuccess(request, response, signedIn);
        };
    }

    /** Audits the refusal and shows it on the sign-in page (like a refused password, as {@code ?error}). */
    private AuthenticationFailureHandler refusedTo(String loginPage) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException exception) -> {
            OidcLoginRefusedException refusal = refusal(exception);
            if (!"unknown_user".equals(refusal.reason()) && !"disabled".equals(refusal.reason())
                    && !"locked".equals(refusal.reason())) {
                LOG.warn("OpenID Connect sign-in refused: {}", refusal.reason());
            }
            accounts.refused(refusal,
                    KinshipAuthenticationProvider.remoteAddress(new WebAuthenticationDetails(request)));
            request.getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, refusal);
            response.sendRedirect(request.getContextPath() + loginPage + "?error");
        };
    }

    /** The refusal to audit and show, without the provider's description (it may quote token content). */
    static OidcLoginRefusedException refusal(AuthenticationException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof OidcLoginRefusedException refused) {
                return refused;
            }
        }
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            return new OidcLoginRefusedException(code != null && ERROR_CODE.matcher(code).matches() ? code
                    : "provider_error", null);
        }
        return new OidcLoginRefusedException("provider_error", null);
    }

    /** The verified provider identity together with the Kinship account it maps to, until the handler swaps it. */
    private static final class MappedIdentity extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;

        private final transient KinshipUser user;

        MappedIdentity(OidcUser identity, KinshipUser user) {
            super(identity.getAuthorities(), identity.getIdToken(), identity.getUserInfo());
            this.user = user;
        }
    }

    /** Kinship has no use for the provider's tokens after sign-in, so none is kept in memory or in the session. */
    private static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> @Nullable T loadAuthorizedClient(String clientRegistrationId,
                Authentication principal, HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
            // not kept
        }

        @Override
        public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
                HttpServletRequest request, HttpServletResponse response) {
            // nothing kept
        }
    }
}
