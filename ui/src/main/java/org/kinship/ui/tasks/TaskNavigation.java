package org.kinship.ui.tasks;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.tasks.TaskCounts;
import org.kinship.tasks.TaskInboxService;

/** The task inbox entry of the main navigation, with the user's open and overdue counts (read on every navigation). */
public final class TaskNavigation {

    private TaskNavigation() {
    }

    public static void addTo(SideNav nav, PermissionService permissions, KinshipUser user, TaskInboxService inbox) {
        if (!permissions.can(user, Resource.CASE, Action.VIEW)) {
            return;
        }
        SideNavItem item = new SideNavItem(nav.getTranslation("nav.tasks"), TaskInboxView.class,
                VaadinIcon.TASKS.create());
        item.setId("nav-tasks");
        item.setSuffixComponent(new Counts(inbox, user));
        nav.addItem(item);
    }

    /** The counts beside the entry: open tasks, and overdue ones in red when there are any. */
    static final class Counts extends HorizontalLayout implements AfterNavigationObserver {

        private final transient TaskInboxService inbox;
        private final KinshipUser user;
        private final Span open = new Span();
        private final Span overdue = new Span();

        Counts(TaskInboxService inbox, KinshipUser user) {
            this.inbox = inbox;
            this.user = user;
            setSpacing(false);
            getStyle().set("gap", "var(--lumo-space-xs)");
            open.setId("nav-tasks-open");
            open.getElement().getThemeList().add("badge");
            open.getElement().getThemeList().add("contrast");
            open.getElement().getThemeList().add("small");
            overdue.setId("nav-tasks-overdue");
            overdue.getElement().getThemeList().add("badge");
            overdue.getElement().getThemeList().add("error");
            overdue.getElement().getThemeList().add("primary");
            overdue.getElement().getThemeList().add("small");
            add(open, overdue);
            refresh();
        }

        @Override
        public void afterNavigation(AfterNavigationEvent event) {
            refresh();
        }

        void refresh() {
            TaskCounts counts = inbox.counts(user);
            open.setText(Long.toString(counts.open()));
            open.getElement().setAttribute("title", getTranslation("tasks.nav.open", counts.open(),
                    counts.dueToday()));
            overdue.setText(Long.toString(counts.overdue()));
            overdue.getElement().setAttribute("title", getTranslation("tasks.nav.overdue", counts.overdue()));
            overdue.setVisible(counts.overdue() > 0);
        }
    }
}
