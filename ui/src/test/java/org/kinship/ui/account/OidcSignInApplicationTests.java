package org.kinship.ui.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

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

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        provider = new FakeOpenIdProvider();
        // command-line arguments: they take precedence over application.properties (server.port, data directory)
        context = new SpringApplicationBuilder(KinshipApplication.class).run("--server.port=0",
                "--kinship.data-dir=" + dataDir, "--kinship.embedded-in-memory=true",
                "--flowable.async-executor-activate=false", "--kinship.templates.install-standard-set=false",
                "--kinship.admin.password=" + PlatformIntegrationTest.ADMIN_PASSWORD,
                "--kinship.oidc.issuer-uri=" + provider.issuer(),
                "--kinship.oidc.client-id=" + FakeOpenIdProvider.CLIENT_ID,
                "--kinship.oidc.client-secret=" + FakeOpenIdProvider.CLIENT_SECRET);
        api = new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
        UserAccountService accounts = context.getBean(UserAccountService.class);
        accounts.createAgency("SSO", "Single sign-on agency");
        accounts.create("fatima.sso", PASSWORD, "Fatima Sso", Set.of(DefaultRoles.SUPERVISOR), "SSO");
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
        provider.nextSignIn(Map.of("preferred_username", "fatima.sso"), Tamper.NONE);
        UserAccount fatima = context.getBean(UserAccountService.class).findByUsername("fatima.sso").orElseThrow();
        assertThat(sessionAuthentication(browser)).as("signed out").isEmpty();

        Page home = browser.follow("/" + OidcLogin.START_PATH);

        assertThat(browser.visited()).anySatisfy(url -> assertThat(url).startsWith(provider.issuer() + "/authorize?"));
        assertThat(home.status()).as("%s", browser.visited()).isEqualTo(200);
        Authentication signedIn = sessionAuthentication(browser).orElseThrow();
        assertThat(signedIn.getPrincipal()).as("the principal every view expects")
                .isEqualTo(KinshipUser.of(fatima));
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_SUPERVISOR");
        assertThat(browser.open("/").status()).as("the home route opens").isEqualTo(200);
    }

    @Test
    void anUnknownUserComesBackToTheSignInPageStillSignedOut() {
        CookieBrowser browser = new CookieBrowser(api);
        provider.nextSignIn(Map.of("preferred_username", "stranger"), Tamper.NONE);

        browser.follow("/" + OidcLogin.START_PATH);

        assertThat(browser.visited().getLast()).endsWith("/login?error");
        assertThat(sessionAuthentication(browser)).isEmpty();
    }

    /** The authentication the server keeps in the browser's session (Spring Security's session attribute). */
    private static Optional<Authentication> sessionAuthentication(CookieBrowser browser) {
        Context application = (Context) ((TomcatWebServer) ((WebServerApplicationContext) context).getWebServer())
                .getTomcat().getHost().findChildren()[0];
        try {
            Session session = browser.cookie("JSESSIONID").isEmpty() ? null
                    : application.getManager().findSession(browser.cookie("JSESSIONID").get());
            Object security = session == null ? null : session.getSession()
                    .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            return security instanceof SecurityContext signedIn ? Optional.ofNullable(signedIn.getAuthentication())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void thePasswordFormStillSignsInNextToTheProvider() {
        assertThat(new FormLogin(api).signIn("fatima.sso", PASSWORD, ""))
                .as("redirect after a successful form sign-in").doesNotContain("error");
    }
}
