package org.kinship.ui.admin;

import java.util.Map;
import java.util.Set;

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
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.Role;
import org.kinship.security.RoleService;

/** Roles as data: each role's permissions as a matrix of resources by actions, a scope per cell. */
@Route("admin/roles")
@PermitAll
public class RolesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final RoleService roles;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final Grid<Role> grid = new Grid<>();

    public RolesView(RoleService roles, PermissionService permissions, AuthenticationContext authentication) {
        this.roles = roles;
        this.permissions = permissions;
        this.user = AdminAccess.user(authentication);
        setId("roles-view");
        grid.setId("roles-grid");
        grid.addColumn(Role::name).setHeader(getTranslation("admin.role.name"));
        grid.addColumn(this::label).setHeader(getTranslation("admin.role.label")).setFlexGrow(2);
        grid.addColumn(role -> role.permissions().size()).setHeader(getTranslation("admin.role.permissions"));
        grid.addItemClickListener(event -> openEditor(event.getItem()));
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("admin.role.new"), VaadinIcon.PLUS.create(),
                click -> openEditor(new Role("", Map.of(), Set.of(), -1)));
        create.setId("new-role");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.roles")), create, grid);
    }

    private String label(Role role) {
        return role.labels().getOrDefault(getLocale().getLanguage(),
                role.labels().getOrDefault("en", getTranslation("role." + role.name())));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (AdminAccess.allowedOrHidden(event, permissions, user, Resource.ROLE, Action.MANAGE)) {
            refresh();
        }
    }

    void refresh() {
        grid.setItems(roles.roles());
    }

    /** Opens the matrix; a role with version -1 is a new one. */
    RoleEditor openEditor(Role role) {
        RoleEditor editor = new RoleEditor(roles, user, role, this::refresh);
        editor.open();
        return editor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.roles") + " · " + getTranslation("app.name");
    }
}
