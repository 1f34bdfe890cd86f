package org.kinship.ui.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.OidcLogin;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.CookieBrowser;
import org.kinship.testing.CookieBrowser.Page;
import org.kinship.testing.FakeOpenIdProvider;
import org.kinship.testing.FakeOpenIdProvider.Tamper;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.KinshipApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The runnable application with OpenID Connect configured, signing in through the real Vaadin security chain over
 * HTTP. It needs properties of its own, so it runs in a JVM of its own (the {@code oidc-sign-in} surefire execution
 * of this module), never next to the view tests' shared context.
 */
class OidcSignInApplicationTests {

    private static final String PASSWORD = "Sso-Vaadin-Pass-77";

    static FakeOpenIdProvider provider;
    static ConfigurableApplicationContext context;
    static ApiClient api;

    @BeforeAll
    static void start() {
        provider = new FakeOpenIdProvider();
        context = new SpringApplicationBuilder(KinshipApplication.class, WhoAmI.class).properties(
                "kinship.embedded-in-memory=true", "server.port=0", "flowable.async-executor-activate=false",
                "kinship.templates.install-standard-set=false",
                "kinship.admin.password=" + PlatformIntegrationTest.ADMIN_PASSWORD,
                "kinship.oidc.issuer-uri=" + provider.issuer(),
                "kinship.oidc.client-id=" + FakeOpenIdProvider.CLIENT_ID,
                "kinship.oidc.client-secret=" + FakeOpenIdProvider.CLIENT_SECRET).run();
        api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
        UserAccountService accounts = context.getBean(UserAccountService.class);
        accounts.createAgency("SSO", "Single sign-on agency");
        accounts.create("fatima.sso", PASSWORD, "Fatima", Set.of(DefaultRoles.SUPERVISOR), "SSO");
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        provider.close();
    }

    @Test
    void theProviderSignsInToTheVaadinApplicationAsTheKinshipUser() {
        CookieBrowser browser = new CookieBrowser(api);
        UserAccount fatima = context.getBean(UserAccountService.class).findByUsername("fatima.sso").orElseThrow();
        provider.nextSignIn(Map.of("preferred_username", "fatima.sso"), Tamper.NONE);

        assertThat(browser.open("/whoami").location()).as("signed out: the sign-in page").endsWith("/login");
        Page home = browser.follow("/" + OidcLogin.START_PATH);

        assertThat(browser.visited()).anySatisfy(url -> assertThat(url).startsWith(provider.issuer() + "/authorize?"));
        assertThat(home.status()).isEqualTo(200);
        assertThat(browser.open("/whoami").body()).isEqualTo(
                "KinshipUser|" + fatima.id() + "|fatima.sso|SSO|[supervisor]|[ROLE_SUPERVISOR]");
    }

    @Test
    void anUnknownUserComesBackToTheSignInPageStillSignedOut() {
        CookieBrowser browser = new CookieBrowser(api);
        provider.nextSignIn(Map.of("preferred_username", "stranger"), Tamper.NONE);

        browser.follow("/" + OidcLogin.START_PATH);

        assertThat(browser.visited().getLast()).endsWith("/login?error");
        assertThat(browser.open("/whoami").location()).endsWith("/login");
    }

    @Test
    void thePasswordFormStillSignsInNextToTheProvider() {
        assertThat(new FormLogin(api).signIn("fatima.sso", PASSWORD, ""))
                .as("redirect after a successful form sign-in").doesNotContain("error");
    }

    /** What the session's principal is, answered by the application under test. */
    @RestController
    static class WhoAmI {

        @GetMapping("/whoami")
        String whoami(Authentication authentication) {
            return authentication.getPrincipal() instanceof KinshipUser user
                    ? "KinshipUser|" + user.id() + "|" + user.username() + "|" + user.agencyCode() + "|" + user.roles()
                            + "|" + authentication.getAuthorities().stream().map(Object::toString).sorted().toList()
                    : String.valueOf(authentication.getPrincipal());
        }
    }
}
