package org.kinship.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinServletRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kinship.i18n.SupportedLocales;
import org.kinship.security.OidcLogin;
import org.kinship.security.OidcLoginRefusedException;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.web.WebAttributes;

@PlatformIntegrationTest
class ShellViewTests extends SpringBrowserlessTest {

    @Test
    @WithKinshipUser(username = "shell.worker")
    void homeShowsTheSignedInUserTheirRolesAndAgency() {
        navigate(HomeView.class);

        assertThat($(H2.class).single().getText()).isEqualTo("Welcome, Test shell.worker");
        assertThat($(Paragraph.class).withTextContaining("Your roles").single().getText())
                .isEqualTo("Your roles: Case worker");
        assertThat($(Paragraph.class).withTextContaining("Your agency").single().getText())
                .isEqualTo("Your agency: HOPE agency");
        assertThat($(Span.class).withId("signed-in-user").single().getText())
                .isEqualTo("Signed in as Test shell.worker");
    }

    @Test
    @WithKinshipUser(username = "nav.worker")
    void theShellOffersNavigationALanguageSwitchAndSignOut() {
        navigate(HomeView.class);

        assertThat($(SideNav.class).withId("main-nav").single().getItems()).extracting(SideNavItem::getLabel)
                .contains("Home");
        assertThat($(Button.class).withId("logout").single().getText()).isEqualTo("Sign out");
        @SuppressWarnings("unchecked")
        Select<Locale> language = $(Select.class).withId("language-select").single();
        assertThat(language.getListDataView().getItems().map(locale -> language.getItemLabelGenerator().apply(locale)))
                .containsExactly("English", "Français", "Español", "العربية");
        assertThat(language.getValue()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    @WithKinshipUser(username = "arabic.worker")
    void inArabicTheShellIsTranslatedAndLaidOutRightToLeft() {
        // what the language switch does: the session changes language and the page is drawn again
        UI.getCurrent().getSession().setLocale(SupportedLocales.ARABIC);
        UserLocales.apply(UI.getCurrent());
        navigate(LoginView.class);

        navigate(HomeView.class);

        assertThat(UI.getCurrent().getLocale()).isEqualTo(SupportedLocales.ARABIC);
        assertThat(SupportedLocales.isRightToLeft(UI.getCurrent().getLocale())).isTrue();
        assertThat($(H2.class).single().getText()).isEqualTo("مرحبًا، Test arabic.worker");
        assertThat($(SideNav.class).single().getItems()).extracting(SideNavItem::getLabel).contains("الرئيسية");
        assertThat($(Button.class).withId("logout").single().getText()).isEqualTo("تسجيل الخروج");
    }

    @Test
    @WithAnonymousUser
    void anonymousVisitorsSeeTheTranslatedSignInForm() {
        LoginView view = navigate(LoginView.class);

        LoginForm form = $(LoginForm.class).single();
        assertThat(view.texts().getForm().getTitle()).isEqualTo("Sign in to Kinship");
        assertThat(view.texts().getForm().getUsername()).isEqualTo("User name");
        assertThat(form.isForgotPasswordButtonVisible()).isFalse();
        assertThat($(Anchor.class).withId("login-oidc").exists()).as("OpenID Connect is not configured").isFalse();
    }

    @Test
    @WithAnonymousUser
    void withOpenIdConnectConfiguredTheSignInPageOffersTheProviderInTheUsersLanguage() {
        UI.getCurrent().setLocale(Locale.FRENCH);
        UI.getCurrent().add(new LoginView(new ConfiguredProvider(null)));
        UI.getCurrent().add(new LoginView(new ConfiguredProvider("Agency SSO")));

        List<Anchor> links = $(Anchor.class).all().stream()
                .filter(link -> link.getId().filter("login-oidc"::equals).isPresent()).toList();
        assertThat(links).extracting(Anchor::getHref).containsOnly(OidcLogin.START_PATH);
        assertThat(links).extracting(link -> ((Button) link.getChildren().findFirst().orElseThrow()).getText())
                .containsExactly("Se connecter avec l'authentification unique", "Se connecter avec Agency SSO");
        assertThat($(Paragraph.class).withTextContaining("ou avec").first().getText())
                .isEqualTo("ou avec votre nom d'utilisateur et votre mot de passe");
    }

    @Test
    @WithAnonymousUser
    void aRefusedProviderSignInIsExplainedOnTheSignInPage() {
        VaadinServletRequest.getCurrent().getHttpServletRequest().getSession().setAttribute(
                WebAttributes.AUTHENTICATION_EXCEPTION, new OidcLoginRefusedException("unknown_user", "stranger"));

        LoginView view = signInPageWithError();

        assertThat(view.texts().getErrorMessage().getTitle()).isEqualTo("Single sign-on refused");
        assertThat(view.texts().getErrorMessage().getMessage()).startsWith(
                "Your single sign-on account is not linked to a Kinship user.");
        VaadinServletRequest.getCurrent().getHttpServletRequest().getSession().setAttribute(
                WebAttributes.AUTHENTICATION_EXCEPTION, new OidcLoginRefusedException("invalid_nonce", null));
        assertThat(signInPageWithError().texts().getErrorMessage().getMessage())
                .startsWith("The answer of the identity provider could not be verified.");
    }

    /** Where a refused sign-in sends the browser: {@code login?error}. */
    private LoginView signInPageWithError() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
        return (LoginView) getCurrentView();
    }

    /** OpenID Connect as configured in another deployment; only the sign-in page's view of it. */
    private record ConfiguredProvider(@Nullable String label) implements OidcLogin {

        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public void configure(HttpSecurity http, String loginPage) {
            throw new UnsupportedOperationException("not part of this test");
        }
    }
}
