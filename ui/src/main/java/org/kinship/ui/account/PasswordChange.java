package org.kinship.ui.account;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.ui.admin.Refusals;

/** Changes the signed-in user's password; the policy's problems show while typing. */
class PasswordChange extends VerticalLayout {

    private final UserAccountService accounts;
    private final KinshipUser user;
    final PasswordField current = new PasswordField();
    final PasswordField replacement = new PasswordField();
    final PasswordField repeated = new PasswordField();
    private final Span result = new Span();

    PasswordChange(UserAccountService accounts, KinshipUser user) {
        this.accounts = accounts;
        this.user = user;
        setPadding(false);
        current.setLabel(getTranslation("account.currentPassword"));
        current.setId("current-password");
        replacement.setLabel(getTranslation("account.newPassword"));
        replacement.setId("new-password");
        replacement.setValueChangeMode(ValueChangeMode.EAGER);
        replacement.addValueChangeListener(change -> replacement.setHelperText(
                Refusals.joined(Refusals.passwordProblems(this, user.username(), change.getValue()))));
        repeated.setLabel(getTranslation("account.repeatPassword"));
        repeated.setId("repeat-password");
        result.setId("password-result");
        Button change = new Button(getTranslation("account.changePassword"), click -> change());
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H3(getTranslation("account.password")), current, replacement, repeated, change, result);
    }

    /** Changes the password; answers whether it worked (the result text says why not). */
    boolean change() {
        if (!replacement.getValue().equals(repeated.getValue())) {
            result.setText(getTranslation("account.passwordsDiffer"));
            return false;
        }
        var problems = Refusals.passwordProblems(this, user.username(), replacement.getValue());
        if (!problems.isEmpty()) {
            result.setText(Refusals.joined(problems));
            return false;
        }
        try {
            accounts.changeOwnPassword(user, current.getValue(), replacement.getValue());
        } catch (IllegalArgumentException e) {
            result.setText(getTranslation("account.currentPasswordWrong"));
            return false;
        }
        current.clear();
        replacement.clear();
        repeated.clear();
        result.setText(getTranslation("account.passwordChanged"));
        return true;
    }

    String resultText() {
        return result.getText();
    }
}
