package org.kinship.security;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.mongodb.client.MongoDatabase;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditEntry;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.testing.ApiClient;
import org.kinship.testing.CookieBrowser;
import org.kinship.testing.CookieBrowser.Page;
import org.kinship.testing.FakeOpenIdProvider;
import org.kinship.testing.FakeOpenIdProvider.Tamper;
import org.kinship.testing.PlatformIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole authorization code flow over HTTP against a fake provider, with a cookie-keeping client following every
 * redirect as a browser would. The browser chain here is the UI's in miniature (session, form login at
 * {@code /login}, {@link OidcLogin#configure}); the ui module adds the same to its Vaadin chain.
 */
@PlatformIntegrationTest
@Import(OidcLoginIntegrationTests.BrowserChain.class)
class OidcLoginIntegrationTests {

    static final FakeOpenIdProvider PROVIDER = new FakeOpenIdProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("kinship.oidc.issuer-uri", PROVIDER::issuer);
        registry.add("kinship.oidc.client-id", () -> FakeOpenIdProvider.CLIENT_ID);
        registry.add("kinship.oidc.client-secret", () -> FakeOpenIdProvider.CLIENT_SECRET);
        registry.add("kinship.oidc.label", () -> "Agency SSO");
        registry.add("kinship.oidc.totp-required-roles", () -> DefaultRoles.ADMINISTRATOR);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    MongoDatabase database;

    @Autowired
    OidcLogin oidc;

    ApiClient api;
    CookieBrowser browser;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        browser = new CookieBrowser(api);
        if (accounts.findAgency("OIDC").isEmpty()) {
            accounts.createAgency("OIDC", "Single sign-on agency");
        }
    }

    private UserAccount account(String username, String role) {
        UserAccount account = accounts.create(username, "Sso-Account-Pass-31", "Worker " + username, Set.of(role),
                "OIDC");
        return accounts.changePreferredLocale(account.id(), "fr");
    }

    @Test
    void theProviderSignsInAsTheMappedKinshipUserWithRolesAgencyAndLanguage() {
        UserAccount amina = account("amina.sso", DefaultRoles.CASE_WORKER);
        PROVIDER.nextSignIn(Map.of("preferred_username", "Amina.SSO", "email", "amina@example.org"), Tamper.NONE);

        assertThat(oidc.enabled()).isTrue();
        assertThat(oidc.label()).isEqualTo("Agency SSO");
        assertThat(browser.open("/whoami").location()).as("not signed in yet").endsWith("/login");
        Page end = browser.follow("/" + OidcLogin.START_PATH);

        assertThat(browser.visited()).as("app -> provider -> app callback -> saved request").anySatisfy(
                url -> assertThat(url).startsWith(PROVIDER.issuer() + "/authorize?"));
        assertThat(browser.visited()).anySatisfy(url -> assertThat(url).contains("/login/oauth2/code/oidc?code="));
        assertThat(end.status()).isEqualTo(200);
        assertThat(end.body()).isEqualTo("KinshipUser|" + amina.id() + "|amina.sso|OIDC|[case_worker]|fr|"
                + "[ROLE_CASE_WORKER]");
        assertThat(browser.open("/whoami").body()).as("the session stays signed in").startsWith("KinshipUser|");
        AuditEntry success = latest(AuditActions.LOGIN_SUCCESS, "amina.sso");
        assertThat(success.details()).containsEntry("method", "oidc").containsKey("remoteAddress");
        assertThat(success.resourceId()).isEqualTo(amina.id());
    }

    @Test
    void anUnknownUserIsRefusedOnTheSignInPageAndAudited() {
        PROVIDER.nextSignIn(Map.of("preferred_username", "nobody.here"), Tamper.NONE);

        Page end = browser.follow("/" + OidcLogin.START_PATH);

        assertThat(end.body()).isEqualTo("login refused: unknown_user");
        assertThat(browser.open("/whoami").location()).endsWith("/login");
        assertThat(accounts.findByUsername("nobody.here")).as("no account is created").isEmpty();
        assertThat(latest(AuditActions.LOGIN_FAILURE, "nobody.here").details())
                .containsEntry("reason", "unknown_user").containsEntry("method", "oidc");
    }

    @Test
    void aDisabledAccountIsRefused() {
        UserAccount disabled = account("disabled.sso", DefaultRoles.CASE_WORKER);
        database.getCollection("users").updateOne(eq("_id", disabled.id()), set("enabled", false));
        PROVIDER.nextSignIn(Map.of("preferred_username", "disabled.sso"), Tamper.NONE);

        assertThat(browser.follow("/" + OidcLogin.START_PATH).body()).isEqualTo("login refused: disabled");
        assertThat(latest(AuditActions.LOGIN_FAILURE, "disabled.sso").details()).containsEntry("reason", "disabled");
    }

    @Test
    void aRoleThatRequiresKinshipsSecondFactorMustUseThePasswordForm() {
        account("admin.sso", DefaultRoles.ADMINISTRATOR);
        PROVIDER.nextSignIn(Map.of("preferred_username", "admin.sso"), Tamper.NONE);

        assertThat(browser.follow("/" + OidcLogin.START_PATH).body())
                .isEqualTo("login refused: second_factor_required");
        assertThat(browser.open("/whoami").location()).endsWith("/login");
    }

    @ParameterizedTest
    @CsvSource({"FOREIGN_SIGNATURE, invalid_id_token", "WRONG_ISSUER, invalid_id_token",
            "WRONG_AUDIENCE, invalid_id_token", "WRONG_NONCE, invalid_nonce"})
    void anIdTokenThatDoesNotVerifyIsRefused(Tamper tamper, String reason) {
        String username = "tampered." + tamper.name().toLowerCase(Locale.ROOT);
        account(username, DefaultRoles.CASE_WORKER);
        PROVIDER.nextSignIn(Map.of("preferred_username", username), tamper);

        Page end = browser.follow("/" + OidcLogin.START_PATH);

        assertThat(end.body()).isEqualTo("login refused: " + reason);
        assertThat(browser.open("/whoami").location()).endsWith("/login");
        AuditEntry failure = latest(AuditActions.LOGIN_FAILURE, "unknown");
        assertThat(failure.details()).containsEntry("reason", reason).containsEntry("method", "oidc");
        assertThat(failure.details().values()).noneMatch(value -> value.startsWith("eyJ"));
    }

    @Test
    void aCallbackWithoutTheAuthorizationRequestOfThisSessionIsRefused() {
        account("replay.sso", DefaultRoles.CASE_WORKER);
        PROVIDER.nextSignIn(Map.of("preferred_username", "replay.sso"), Tamper.NONE);
        CookieBrowser attacker = new CookieBrowser(api);
        int before = PROVIDER.tokenRequests();

        // the victim's browser would carry this code; another session cannot use it (no matching state)
        Page end = attacker.follow("/login/oauth2/code/oidc?code=stolen&state=guessed");

        assertThat(end.body()).isEqualTo("login refused: authorization_request_not_found");
        assertThat(PROVIDER.tokenRequests()).as("no code is exchanged").isEqualTo(before);
    }

    @Test
    void thePasswordFormAndTheApiKeepWorkingNextToIt() {
        account("both.sso", DefaultRoles.CASE_WORKER);

        assertThat(api.get("/api/v1/me", "both.sso", "Sso-Account-Pass-31").statusCode()).isEqualTo(200);
        assertThat(api.getAnonymous("/api/v1/me").statusCode()).as("the API stays HTTP Basic, stateless")
                .isEqualTo(401);
    }

    private AuditEntry latest(String action, String actor) {
        return audit.search(new AuditQuery(actor, action, null, null, null, null), 0, 1).entries().getFirst();
    }

    /** The browser side of the application, as the ui module builds it, without Vaadin. */
    @TestConfiguration(proxyBeanMethods = false)
    static class BrowserChain {

        @Bean
        @Order(10)
        SecurityFilterChain browser(HttpSecurity http, OidcLogin oidc) throws Exception {
            http.authorizeHttpRequests(requests -> requests.requestMatchers("/login").permitAll()
                    .anyRequest().authenticated());
            http.formLogin(form -> form.loginPage("/login"));
            oidc.configure(http, "/login");
            return http.build();
        }

        @Bean
        Pages pages() {
            return new Pages();
        }
    }

    @RestController
    static class Pages {

        @GetMapping("/whoami")
        String whoami(Authentication authentication) {
            String authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                    .sorted().collect(Collectors.joining(",", "[", "]"));
            return authentication.getPrincipal() instanceof KinshipUser user
                    ? "KinshipUser|" + user.id() + "|" + user.username() + "|" + user.agencyCode() + "|" + user.roles()
                            + "|" + user.preferredLocale() + "|" + authorities
                    : authentication.getPrincipal().getClass().getName();
        }

        @GetMapping("/login")
        String login(HttpServletRequest request) {
            HttpSession session = request.getSession(false);
            Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            return failure instanceof OidcLoginRefusedException refused ? "login refused: " + refused.reason()
                    : "login page";
        }
    }
}
