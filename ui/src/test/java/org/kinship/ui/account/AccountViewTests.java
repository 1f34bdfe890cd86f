package org.kinship.ui.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.Totp;
import org.kinship.security.TotpEnrolment;
import org.kinship.security.UserAccountService;
import org.kinship.security.internal.Base32;
import org.kinship.testing.ApiClient;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.KinshipUserContextFactory;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

@PlatformIntegrationTest
class AccountViewTests extends SpringBrowserlessTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    UserAccountService accounts;

    @Test
    @WithKinshipUser(username = "account.totp")
    void aUserEnrolsASecondFactorInTheAccountViewAndThenSignsInWithACode() {
        SecondFactorPanel panel = navigate(AccountView.class).secondFactor();

        TotpEnrolment enrolment = panel.start();
        assertThat(panel.uri.getValue()).startsWith("otpauth://totp/").contains(enrolment.secret());
        byte[] secret = Base32.decode(panel.secret.getValue());
        panel.code.setValue(Totp.code(secret, Totp.step(clock.instant()), 6));
        assertThat(panel.confirm()).isTrue();
        assertThat(panel.statusText()).contains("A second factor is active");

        clock.advance(Duration.ofSeconds(30));
        ApiClient api = new ApiClient(port);
        String password = KinshipUserContextFactory.PASSWORD;
        assertThat(api.get("/api/v1/me", "account.totp", password).statusCode()).isEqualTo(401);
        assertThat(formLogin(api, "account.totp", password, "000000")).contains("/login?error");
        clock.advance(Duration.ofSeconds(30));
        assertThat(formLogin(api, "account.totp", password, Totp.code(secret, Totp.step(clock.instant()), 6)))
                .doesNotContain("error");
    }

    /** Posts the sign-in form as the browser does (user name, password, {@code otp}); answers the redirect. */
    private static String formLogin(ApiClient api, String username, String password, String otp) {
        return new FormLogin(api).signIn(username, password, otp);
    }

    @Test
    @WithKinshipUser(username = "account.password")
    void aUserChangesTheirPasswordWithPolicyFeedback() {
        PasswordChange change = navigate(AccountView.class).password();
        change.current.setValue(KinshipUserContextFactory.PASSWORD);
        change.replacement.setValue("account");
        assertThat(change.replacement.getHelperText()).contains("at least 10 characters");
        change.repeated.setValue("account");
        assertThat(change.change()).isFalse();

        change.current.setValue(KinshipUserContextFactory.PASSWORD);
        change.replacement.setValue("Granite-Willow-River-3");
        change.repeated.setValue("Granite-Willow-River-3");
        assertThat(change.change()).as(change.resultText()).isTrue();

        HttpResponse<String> me = new ApiClient(port).get("/api/v1/me", "account.password", "Granite-Willow-River-3");
        assertThat(me.statusCode()).isEqualTo(200);
    }

    @Test
    void aUserWhoMustEnrolIsSentToTheAccountViewWhateverTheyOpen() {
        var account = accounts.findByUsername("must.enrol").orElseGet(() -> accounts.create("must.enrol",
                KinshipUserContextFactory.PASSWORD, "Must Enrol", Set.of(DefaultRoles.SUPERVISOR), null));
        KinshipUser withoutRoles = new KinshipUser(account.id(), account.username(), account.displayName(), Set.of(),
                null, null);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                withoutRoles, null, List.of(new SimpleGrantedAuthority(TotpEnrolmentGuard.AUTHORITY))));
        try {
            navigate("admin/users", com.vaadin.flow.component.Component.class);
            assertThat($(AccountView.class).all()).hasSize(1);
            assertThat($(PasswordChange.class).all()).isEmpty();
            navigate("", com.vaadin.flow.component.Component.class);
            assertThat($(AccountView.class).all()).hasSize(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
