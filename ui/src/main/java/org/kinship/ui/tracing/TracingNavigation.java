package org.kinship.ui.tracing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;

/** The tracing entries of the main navigation, each offered only to those who may use it. */
public final class TracingNavigation {

    private TracingNavigation() {
    }

    public static void addTo(SideNav nav, PermissionService permissions, KinshipUser user) {
        add(nav, permissions.can(user, Resource.TRACING_REQUEST, Action.VIEW), "nav.tracingRequests",
                TracingRequestsView.class, VaadinIcon.SEARCH);
        add(nav, permissions.can(user, Resource.TRACING_REQUEST, Action.VIEW)
                || permissions.can(user, Resource.CASE, Action.VIEW), "nav.personSearch", PersonSearchView.class,
                VaadinIcon.USER_CHECK);
        boolean admin = TracingAccess.matchingAdministrator(permissions, user);
        add(nav, admin, "nav.matchingSettings", MatchingSettingsView.class, VaadinIcon.SLIDERS);
        add(nav, admin, "nav.duplicateScan", DuplicateScanView.class, VaadinIcon.COPY);
    }

    private static void add(SideNav nav, boolean allowed, String key, Class<? extends Component> view,
            VaadinIcon icon) {
        if (allowed) {
            SideNavItem item = new SideNavItem(nav.getTranslation(key), view, icon.create());
            item.setId("nav-" + key.substring(4));
            nav.addItem(item);
        }
    }
}
