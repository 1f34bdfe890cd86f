package org.kinship.ui.tracing;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.PermissionService;

/** Who is signed in and whether a tracing screen is theirs; a screen they may not open looks unknown. */
final class TracingAccess {

    private TracingAccess() {
    }

    static KinshipUser user(AuthenticationContext authentication) {
        return authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
    }

    static boolean allowedOrHidden(BeforeEnterEvent event, PermissionService permissions, KinshipUser user,
            Resource resource, Action action) {
        if (permissions.can(user, resource, action)) {
            return true;
        }
        event.rerouteToError(NotFoundException.class);
        return false;
    }

    /** Matching administration needs the permission everywhere ({@code matching:manage:all}). */
    static boolean matchingAdministrator(PermissionService permissions, KinshipUser user) {
        return permissions.widestScope(user, Resource.MATCHING, Action.MANAGE).filter(s -> s == Scope.ALL).isPresent();
    }
}
