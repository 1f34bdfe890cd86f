package org.kinship.ui.cases;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;

/** The case entries of the main navigation, offered only to users whose roles allow them. */
public final class CaseNavigation {

    private CaseNavigation() {
    }

    public static void addTo(SideNav nav, PermissionService permissions, KinshipUser user) {
        add(nav, permissions.can(user, Resource.CASE, Action.VIEW), "nav.cases", "nav-cases", CaseListView.class,
                VaadinIcon.FOLDER_OPEN);
        add(nav, permissions.can(user, Resource.CASE, Action.CREATE), "nav.registerCase", "nav-register-case",
                CaseRegistrationView.class, VaadinIcon.PLUS_CIRCLE);
    }

    private static void add(SideNav nav, boolean allowed, String key, String id, Class<? extends Component> view,
            VaadinIcon icon) {
        if (allowed) {
            SideNavItem item = new SideNavItem(nav.getTranslation(key), view, icon.create());
            item.setId(id);
            nav.addItem(item);
        }
    }
}
