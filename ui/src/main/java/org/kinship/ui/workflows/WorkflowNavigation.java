package org.kinship.ui.workflows;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;

/** The workflow administration entries of the main navigation, offered to those with {@code workflow:view}. */
public final class WorkflowNavigation {

    private WorkflowNavigation() {
    }

    public static void addTo(SideNav nav, PermissionService permissions, KinshipUser user) {
        boolean allowed = permissions.can(user, Resource.WORKFLOW, Action.VIEW);
        add(nav, allowed, "nav.workflows", "nav-workflows", WorkflowDesignerView.class, VaadinIcon.SITEMAP);
        add(nav, allowed, "nav.serviceLevels", "nav-service-levels", ServiceLevelsView.class, VaadinIcon.TIMER);
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
