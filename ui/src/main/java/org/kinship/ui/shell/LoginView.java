package org.kinship.ui.shell;

import java.util.Locale;

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
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** Sign-in page: user name and password, in the session's language, with a language switch. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final TextField otp = new TextField();
    private LoginI18n texts = LoginI18n.createDefault();

    public LoginView() {
        addClassName("kinship-login");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        addOneTimeCodeField();
        LanguageSelect language = new LanguageSelect();
        language.addClassName("kinship-login-language");
        add(new H1(getTranslation("app.name")), new Paragraph(getTranslation("app.tagline")), form, language);
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
        show(i18n(getLocale(), false));
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
            show(i18n(getLocale(), lastFailureWasLock()));
            form.setError(true);
        }
    }

    private static boolean lastFailureWasLock() {
        HttpSession session = VaadinServletRequest.getCurrent() == null ? null
                : VaadinServletRequest.getCurrent().getHttpServletRequest().getSession(false);
        return session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof LockedException;
    }

    private LoginI18n i18n(Locale locale, boolean locked) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.title"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(locked ? "login.locked.title" : "login.error.title"));
        error.setMessage(getTranslation(locked ? "login.locked.short" : "login.error.message"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
