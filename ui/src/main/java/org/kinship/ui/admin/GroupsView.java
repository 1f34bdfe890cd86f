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
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.PermissionService;
import org.kinship.security.UserGroup;

/** User groups (teams, possibly across agencies): name, members, agencies. Needs {@code user:manage:all}. */
@Route("admin/groups")
@PermitAll
public class GroupsView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final UserDialogs services;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final Grid<UserGroup> grid = new Grid<>();

    public GroupsView(UserDialogs services, PermissionService permissions, AuthenticationContext authentication) {
        this.services = services;
        this.permissions = permissions;
        this.user = AdminAccess.user(authentication);
        setId("groups-view");
        grid.setId("groups-grid");
        grid.addColumn(UserGroup::name).setHeader(getTranslation("admin.group.name")).setFlexGrow(2);
        grid.addColumn(group -> group.memberIds().size()).setHeader(getTranslation("admin.group.members"));
        grid.addColumn(group -> String.join(", ", group.agencyCodes().stream().sorted().toList()))
                .setHeader(getTranslation("admin.group.agencies"));
        grid.addItemClickListener(event -> openDialog(event.getItem()));
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("admin.group.new"), VaadinIcon.PLUS.create(),
                click -> openDialog(null));
        create.setId("new-group");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.groups")), create, grid);
    }

    /** Groups widen access across agencies: only those who manage users everywhere see this screen. */
    static boolean allowed(PermissionService permissions, KinshipUser user) {
        return permissions.widestScope(user, Resource.USER, Action.MANAGE).filter(Scope.ALL::equals).isPresent();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!allowed(permissions, user)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        refresh();
    }

    void refresh() {
        grid.setItems(services.groups().groups(user));
    }

    GroupDialog openDialog(@Nullable UserGroup group) {
        GroupDialog dialog = new GroupDialog(services, user, group, this::refresh);
        dialog.open();
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.groups") + " · " + getTranslation("app.name");
    }
}
