package org.kinship.ui.reports;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;

/** The reports entries of the main navigation, for users with {@code report:view}. */
public final class ReportsNavigation {

    private ReportsNavigation() {
    }

    public static void addTo(SideNav nav, PermissionService permissions, KinshipUser user) {
        if (permissions.can(user, Resource.REPORT, Action.VIEW)) {
            SideNavItem reports = new SideNavItem(nav.getTranslation("nav.reports"), ReportsView.class,
                    VaadinIcon.CHART.create());
            reports.setId("nav-reports");
            nav.addItem(reports);
            SideNavItem aggregates = new SideNavItem(nav.getTranslation("nav.aggregates"), AggregatesView.class,
                    VaadinIcon.TABLE.create());
            aggregates.setId("nav-aggregates");
            nav.addItem(aggregates);
        }
    }
}
