package org.kinship.ui.account;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.kinship.ui.shell.LoginView;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A user whose role requires a second factor but who has not enrolled signs in with no roles and the single
 * authority {@value #AUTHORITY} (ADR 0005). This sends them to the account view, whatever they ask for, until
 * they have enrolled and signed in again.
 */
@Component
class TotpEnrolmentGuard implements VaadinServiceInitListener {

    /** Granted by the platform's authentication provider (security.internal). */
    static final String AUTHORITY = "TOTP_ENROLMENT_REQUIRED";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            Class<?> target = enter.getNavigationTarget();
            if (mustEnrol() && target != AccountView.class && target != LoginView.class) {
                enter.forwardTo(AccountView.class);
            }
        }));
    }

    static boolean mustEnrol() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(authority -> AUTHORITY.equals(authority.getAuthority()));
    }
}
