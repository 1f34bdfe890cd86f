package org.kinship.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.kinship.i18n.SupportedLocales;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.security.test.context.support.WithAnonymousUser;

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
    }
}
