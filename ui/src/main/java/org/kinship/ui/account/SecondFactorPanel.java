package org.kinship.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import org.kinship.security.KinshipUser;
import org.kinship.security.PermissionDeniedException;
import org.kinship.security.TotpEnrolment;
import org.kinship.security.TotpService;
import org.kinship.ui.admin.Refusals;

/**
 * The TOTP second factor of the signed-in user: enrol (the secret and the {@code otpauth://} URI are shown as
 * text for authenticator apps, then a code confirms) or remove it with a current code.
 */
class SecondFactorPanel extends VerticalLayout {

    private final TotpService totp;
    private final KinshipUser user;
    private final boolean mustEnrol;
    private final Span status = new Span();
    final TextField secret = new TextField();
    final TextField uri = new TextField();
    final TextField code = new TextField();
    private final Button start = new Button();
    private final Button confirm = new Button();
    private final Button remove = new Button();
    private final Button signInAgain = new Button();

    SecondFactorPanel(TotpService totp, KinshipUser user, boolean mustEnrol, Runnable signOut) {
        this.totp = totp;
        this.user = user;
        this.mustEnrol = mustEnrol;
        setPadding(false);
        status.setId("totp-status");
        secret.setLabel(getTranslation("account.totp.secret"));
        secret.setId("totp-secret");
        secret.setReadOnly(true);
        secret.setWidth("24em");
        uri.setLabel(getTranslation("account.totp.uri"));
        uri.setId("totp-uri");
        uri.setReadOnly(true);
        uri.setWidthFull();
        code.setLabel(getTranslation("account.totp.code"));
        code.setId("totp-code");
        code.setMaxLength(6);
        button(start, "account.totp.start", "totp-start", this::start);
        button(confirm, "account.totp.confirm", "totp-confirm", this::confirm);
        button(remove, "account.totp.remove", "totp-remove", this::remove);
        button(signInAgain, "account.totp.signInAgain", "totp-sign-in-again", signOut);
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("account.totp.title")), status, start, secret, uri, code, confirm, remove,
                signInAgain);
        showState(totp.isEnrolled(user.id()), false);
    }

    private static void button(Button button, String key, String id, Runnable action) {
        button.setText(button.getTranslation(key));
        button.setId(id);
        button.addClickListener(click -> action.run());
    }

    private void showState(boolean enrolled, boolean enrolling) {
        status.setText(getTranslation(enrolled ? "account.totp.active" : "account.totp.inactive"));
        start.setVisible(!enrolled && !enrolling);
        secret.setVisible(enrolling);
        uri.setVisible(enrolling);
        code.setVisible(enrolling || enrolled && !mustEnrol);
        confirm.setVisible(enrolling);
        remove.setVisible(enrolled && !mustEnrol);
        signInAgain.setVisible(enrolled && mustEnrol);
    }

    /** Starts enrolment and shows the secret for the authenticator app. */
    TotpEnrolment start() {
        TotpEnrolment enrolment = totp.start(user);
        secret.setValue(enrolment.secret());
        uri.setValue(enrolment.uri());
        code.clear();
        showState(false, true);
        return enrolment;
    }

    boolean confirm() {
        boolean confirmed = totp.confirm(user, code.getValue().strip());
        if (confirmed) {
            secret.clear();
            uri.clear();
            code.clear();
            showState(true, false);
            if (mustEnrol) {
                status.setText(getTranslation("account.totp.enrolledSignInAgain"));
            }
        } else {
            status.setText(getTranslation("totp.invalid"));
        }
        return confirmed;
    }

    boolean remove() {
        try {
            boolean removed = totp.remove(user, code.getValue().strip());
            code.clear();
            if (removed) {
                showState(false, false);
            } else {
                status.setText(getTranslation("totp.invalid"));
            }
            return removed;
        } catch (PermissionDeniedException e) {
            status.setText(Refusals.message(this, e));
            return false;
        }
    }

    String statusText() {
        return status.getText();
    }
}
