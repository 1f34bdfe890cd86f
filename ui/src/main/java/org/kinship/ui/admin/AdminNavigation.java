package org.kinship.ui.admin;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;

/** The administration entries of the main navigation, each offered only to those who may use it. */
public final class AdminNavigation {

    private AdminNavigation() {
    }

    public static void addTo(SideNav nav, PermissionService permissions, KinshipUser user) {
        add(nav, permissions.can(user, Resource.AGENCY, Action.MANAGE), "nav.agencies", AgenciesView.class,
                VaadinIcon.BUILDING);
        add(nav, permissions.can(user, Resource.USER, Action.MANAGE), "nav.users", UsersView.class,
                VaadinIcon.USERS);
        add(nav, GroupsView.allowed(permissions, user), "nav.groups", GroupsView.class, VaadinIcon.GROUP);
        add(nav, permissions.can(user, Resource.ROLE, Action.MANAGE), "nav.roles", RolesView.class,
                VaadinIcon.KEY);
        add(nav, permissions.can(user, Resource.AUDIT_LOG, Action.VIEW), "nav.audit", AuditView.class,
                VaadinIcon.RECORDS);
        add(nav, ModulesView.allowed(permissions, user), "nav.recordModules", ModulesView.class, VaadinIcon.FOLDER_ADD);
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
