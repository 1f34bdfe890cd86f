package org.kinship.ui.shell;

import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.kinship.security.KinshipUser;
import org.kinship.security.PermissionService;
import org.kinship.ui.account.AccountView;
import org.kinship.ui.admin.AdminNavigation;
import org.kinship.ui.cases.CaseNavigation;
import org.kinship.ui.reports.ReportsNavigation;
import org.kinship.security.UserAccountService;
import org.kinship.ui.forms.FormsView;
import org.kinship.ui.forms.LookupsView;
import org.kinship.ui.referrals.ReferralsView;
import org.kinship.ui.referrals.ServiceDirectoryView;
import org.kinship.ui.templates.TemplateLibraryView;
import org.kinship.notifications.NotificationService;
import org.kinship.tasks.TaskInboxService;
import org.kinship.ui.notifications.NotificationBell;
import org.kinship.ui.tasks.TaskNavigation;
import org.kinship.ui.workflows.WorkflowNavigation;

/**
 * The frame around every signed-in page: side navigation by feature, the signed-in user, the language
 * switch and sign-out.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final transient AuthenticationContext authentication;

    private final transient AccessAnnotationChecker access;

    public MainLayout(AuthenticationContext authentication, UserAccountService accounts, AccessAnnotationChecker access,
            PermissionService permissions, TaskInboxService inbox, NotificationService notifications) {
        this.access = access;
        this.authentication = authentication;
        KinshipUser user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        UserLocales.adoptPreference(VaadinSession.getCurrent(), user.preferredLocale());

        Span title = new Span(getTranslation("app.name"));
        title.addClassName("kinship-title");
        Span who = new Span(getTranslation("shell.signedInAs", user.displayName()));
        who.setId("signed-in-user");
        who.getElement().setAttribute("title", user.roles().stream()
                .map(role -> getTranslation("role." + role)).sorted().collect(Collectors.joining(", ")));
        LanguageSelect language = new LanguageSelect() {
            @Override
            protected void onLanguageChosen(Locale locale) {
                accounts.changePreferredLocale(user.id(), locale.getLanguage());
            }
        };
        Button logout = new Button(getTranslation("shell.logout"), VaadinIcon.SIGN_OUT.create(),
                click -> this.authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        NotificationBell bell = new NotificationBell(notifications, user);
        HorizontalLayout navbar = new HorizontalLayout(new DrawerToggle(), title, who, bell, language, logout);
        navbar.setWidthFull();
        navbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        navbar.expand(who);
        navbar.addClassName("kinship-navbar");
        addToNavbar(navbar);
        addToDrawer(navigation(permissions, user, inbox));
        setPrimarySection(Section.DRAWER);
    }

    private SideNav navigation(PermissionService permissions, KinshipUser user, TaskInboxService inbox) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(new SideNavItem(getTranslation("nav.home"), HomeView.class, VaadinIcon.HOME.create()));
        CaseNavigation.addTo(nav, permissions, user);
        TaskNavigation.addTo(nav, permissions, user, inbox);
        addIfAllowed(nav, "nav.forms", FormsView.class, VaadinIcon.FORM);
        addIfAllowed(nav, "nav.lookups", LookupsView.class, VaadinIcon.LIST);
        addIfAllowed(nav, "nav.templates", TemplateLibraryView.class, VaadinIcon.PACKAGE);
        addIfAllowed(nav, "nav.referrals", ReferralsView.class, VaadinIcon.EXCHANGE);
        addIfAllowed(nav, "nav.serviceDirectory", ServiceDirectoryView.class, VaadinIcon.BOOK);
        org.kinship.ui.tracing.TracingNavigation.addTo(nav, permissions, user);
        ReportsNavigation.addTo(nav, permissions, user);
        AdminNavigation.addTo(nav, permissions, user);
        WorkflowNavigation.addTo(nav, permissions, user);
        SideNavItem account = new SideNavItem(getTranslation("nav.account"), AccountView.class,
                VaadinIcon.USER.create());
        account.setId("nav-account");
        nav.addItem(account);
        return nav;
    }

    /** Only views the signed-in user may open are offered. */
    private void addIfAllowed(SideNav nav, String key, Class<? extends Component> view, VaadinIcon icon) {
        if (access.hasAccess(view)) {
            nav.addItem(new SideNavItem(getTranslation(key), view, icon.create()));
        }
    }
}
