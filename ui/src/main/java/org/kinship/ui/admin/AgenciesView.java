package org.kinship.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.security.Agency;
import org.kinship.security.AgencyAdministration;
import org.kinship.security.AgencyLogos;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;

/** Agencies: logo, code and name; creating, renaming and a new logo need {@code agency:manage:all}. */
@Route("admin/agencies")
@PermitAll
public class AgenciesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final AgencyAdministration agencies;
    private final AgencyLogos logos;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final Grid<Agency> grid = new Grid<>();

    public AgenciesView(AgencyAdministration agencies, AgencyLogos logos, PermissionService permissions,
            AuthenticationContext authentication) {
        this.agencies = agencies;
        this.logos = logos;
        this.permissions = permissions;
        this.user = AdminAccess.user(authentication);
        setId("agencies-view");
        grid.setId("agencies-grid");
        grid.addComponentColumn(agency -> LogoImages.of(logos, agency.code()))
                .setHeader(getTranslation("admin.agency.logo")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Agency::code).setHeader(getTranslation("admin.agency.code"));
        grid.addColumn(Agency::name).setHeader(getTranslation("admin.agency.name")).setFlexGrow(3);
        grid.addItemClickListener(event -> openDialog(event.getItem()));
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("admin.agency.new"), VaadinIcon.PLUS.create(),
                click -> openDialog(null));
        create.setId("new-agency");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.agencies")), create, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (AdminAccess.allowedOrHidden(event, permissions, user, Resource.AGENCY, Action.MANAGE)) {
            refresh();
        }
    }

    void refresh() {
        grid.setItems(agencies.agencies(user));
    }

    AgencyDialog openDialog(@Nullable Agency agency) {
        AgencyDialog dialog = new AgencyDialog(agencies, logos, user, agency, this::refresh);
        dialog.open();
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.agencies") + " · " + getTranslation("app.name");
    }
}
