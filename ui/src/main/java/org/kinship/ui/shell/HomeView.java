package org.kinship.ui.shell;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.kinship.reports.DashboardService;
import org.kinship.security.Agency;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.kinship.ui.reports.DashboardTiles;

/** The first page after sign-in: who you are, in which agency and with which roles, and your dashboard. */
@Route("")
@PermitAll
public class HomeView extends VerticalLayout implements HasDynamicTitle {

    public HomeView(AuthenticationContext authentication, UserAccountService accounts, DashboardService dashboards) {
        setId("home-view");
        KinshipUser user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        add(new H2(getTranslation("home.welcome", user.displayName())));
        add(new Paragraph(getTranslation("home.roles", user.roles().stream()
                .map(role -> getTranslation("role." + role)).sorted().collect(Collectors.joining(", ")))));
        String agency = user.agencyCode() == null ? getTranslation("shell.noAgency")
                : accounts.findAgency(user.agencyCode()).map(Agency::name).orElse(user.agencyCode());
        add(new Paragraph(getTranslation("home.agency", agency)));
        add(new Paragraph(accounts.findById(user.id()).map(UserAccount::lastLoginAt)
                .map(at -> getTranslation("home.lastLogin", DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                        .withLocale(getLocale()).withZone(ZoneOffset.UTC).format(at) + " UTC"))
                .orElse(getTranslation("home.firstLogin"))));
        add(new DashboardTiles(dashboards.dashboard(user, getLocale())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title") + " · " + getTranslation("app.name");
    }
}
