package org.kinship.ui.cases;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;

/**
 * Who is signed in and whether they may open a case screen. Roles are data (ADR 0005), so the screens ask
 * {@link PermissionService}; a screen the user may not open looks like an unknown page, as does a case
 * outside the user's scope.
 */
final class CaseAccess {

    private CaseAccess() {
    }

    static KinshipUser user(AuthenticationContext authentication) {
        return authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
    }

    /** True when the user may do the action on some case; otherwise the navigation ends on the not-found page. */
    static boolean allowedOrHidden(BeforeEnterEvent event, PermissionService permissions, KinshipUser user,
            Action action) {
        if (permissions.can(user, Resource.CASE, action)) {
            return true;
        }
        event.rerouteToError(NotFoundException.class);
        return false;
    }
}
