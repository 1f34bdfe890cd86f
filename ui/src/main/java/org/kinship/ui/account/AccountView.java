package org.kinship.ui.account;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.kinship.security.KinshipUser;
import org.kinship.security.TotpService;
import org.kinship.security.UserAccountService;

/** "My account" for every signed-in user: change the own password, enrol or remove the second factor. */
@Route("account")
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    private final PasswordChange password;
    private final SecondFactorPanel secondFactor;

    public AccountView(AuthenticationContext authentication, UserAccountService accounts, TotpService totp) {
        setId("account-view");
        KinshipUser user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        password = new PasswordChange(accounts, user);
        secondFactor = new SecondFactorPanel(totp, user, TotpEnrolmentGuard.mustEnrol(), authentication::logout);
        add(new H2(getTranslation("account.title")));
        if (TotpEnrolmentGuard.mustEnrol()) {
            add(new com.vaadin.flow.component.html.Paragraph(getTranslation("totp.enrolmentRequired")));
        } else {
            add(password);
        }
        add(secondFactor);
    }

    PasswordChange password() {
        return password;
    }

    SecondFactorPanel secondFactor() {
        return secondFactor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title") + " · " + getTranslation("app.name");
    }
}
