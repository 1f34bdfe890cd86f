package org.kinship.ui.admin;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;

/**
 * Who is signed in and whether they may open an administration screen. Roles are data (ADR 0005), so the
 * screens ask {@link PermissionService} rather than fixed role annotations; a screen the user may not open
 * looks like an unknown page.
 */
final class AdminAccess {

    private AdminAccess() {
    }

    static KinshipUser user(AuthenticationContext authentication) {
        return authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
    }

    /** True when the user may open the screen; otherwise the navigation ends on the not-found page. */
    static boolean allowedOrHidden(BeforeEnterEvent event, PermissionService permissions, KinshipUser user,
            Resource resource, Action action) {
        if (permissions.can(user, resource, action)) {
            return true;
        }
        event.rerouteToError(NotFoundException.class);
        return false;
    }
}
