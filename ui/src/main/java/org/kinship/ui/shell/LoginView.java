package org.kinship.ui.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.kinship.security.OidcLogin;
import org.kinship.security.OidcLoginRefusedException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/**
 * Sign-in page: user name and password, in the session's language, with a language switch; when OpenID Connect is
 * configured, also a "Sign in with …" button (ADR 0018). A refused sign-in of either kind comes back as
 * {@code ?error} with the reason in the session.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final TextField otp = new TextField();
    private LoginI18n texts = LoginI18n.createDefault();
    private String errorTitleKey = "login.error.title";
    private String errorMessageKey = "login.error.message";

    public LoginView(OidcLogin oidc) {
        addClassName("kinship-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        addOneTimeCodeField();
        LanguageSelect language = new LanguageSelect();
        language.addClassName("kinship-login-language");
        add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("app.tagline")));
        if (oidc.enabled()) {
            Paragraph or = new Paragraph(getTranslation("oidc.login.or"));
            or.setId("login-oidc-or");
            add(providerSignIn(oidc), or);
        }
        add(form, language);
    }

    /** A plain link, not a route: the browser leaves for the provider and comes back to Spring Security. */
    private Anchor providerSignIn(OidcLogin oidc) {
        String name = oidc.label() != null ? oidc.label() : getTranslation("oidc.login.defaultName");
        Button button = new Button(getTranslation("oidc.login.button", name));
        button.addThemeName("primary");
        button.setWidthFull();
        Anchor link = new Anchor(OidcLogin.START_PATH, button);
        link.setId("login-oidc");
        link.setRouterIgnore(true);
        return link;
    }

    /**
     * The one-time code of a second factor, posted as form field {@code otp} with the user name and password.
     * Vaadin 25.2's Java {@code LoginForm} has no custom form area API (only {@code LoginOverlay} has), but the
     * web component submits every named child in its {@code custom-form-area} slot.
     */
    private void addOneTimeCodeField() {
        otp.setId("login-otp");
        otp.setLabel(getTranslation("login.otp"));
        otp.setHelperText(getTranslation("login.otpHelp"));
        otp.setMaxLength(6);
        otp.setWidthFull();
        otp.getElement().setAttribute("name", "otp");
        otp.getElement().setAttribute("slot", "custom-form-area");
        otp.getElement().setAttribute("autocomplete", "one-time-code");
        form.getElement().appendChild(otp.getElement());
    }

    /** The one-time code field (for tests). */
    TextField oneTimeCode() {
        return otp;
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        show(i18n());
    }

    private void show(LoginI18n i18n) {
        texts = i18n;
        form.setI18n(i18n);
    }

    /** The texts the form shows now (for tests). */
    LoginI18n texts() {
        return texts;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            Object failure = lastFailure();
            if (failure instanceof OidcLoginRefusedException refused) {
                errorTitleKey = "oidc.login.error.title";
                errorMessageKey = "oidc.login." + refused.category();
            } else if (failure instanceof LockedException) {
                errorTitleKey = "login.locked.title";
                errorMessageKey = "login.locked.short";
            }
            show(i18n());
            form.setError(true);
        }
    }

    private static @Nullable Object lastFailure() {
        HttpSession session = VaadinServletRequest.getCurrent() == null ? null
                : VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(false);
        return session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(errorTitleKey));
        error.setMessage(getTranslation(errorMessageKey));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
