package org.kinship.ui.admin;

import java.util.stream.Collectors;

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
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.UserAccount;

/**
 * User accounts the signed-in administrator manages: every account for {@code user:manage:all}, their own
 * agency's for an agency administrator ({@link org.kinship.security.UserAdministration#users}).
 */
@Route("admin/users")
@PermitAll
public class UsersView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final UserDialogs dialogs;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final Grid<UserAccount> grid = new Grid<>();

    public UsersView(UserDialogs dialogs, PermissionService permissions, AuthenticationContext authentication) {
        this.dialogs = dialogs;
        this.permissions = permissions;
        this.user = AdminAccess.user(authentication);
        setId("users-view");
        grid.setId("users-grid");
        grid.addColumn(UserAccount::username).setHeader(getTranslation("admin.user.username"));
        grid.addColumn(UserAccount::displayName).setHeader(getTranslation("admin.user.displayName")).setFlexGrow(2);
        grid.addColumn(account -> account.agencyCode() == null ? "" : account.agencyCode())
                .setHeader(getTranslation("admin.user.agency"));
        grid.addColumn(account -> account.roles().stream().map(role -> getTranslation("role." + role)).sorted()
                .collect(Collectors.joining(", "))).setHeader(getTranslation("admin.user.roles")).setFlexGrow(2);
        grid.addColumn(account -> getTranslation(account.enabled() ? "admin.user.active" : "admin.user.disabled"))
                .setHeader(getTranslation("admin.user.status"));
        grid.addItemClickListener(event -> openDialog(event.getItem()));
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("admin.user.new"), VaadinIcon.PLUS.create(),
                click -> openDialog(null));
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("nav.users")), create, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (AdminAccess.allowedOrHidden(event, permissions, user, Resource.USER, Action.MANAGE)) {
            refresh();
        }
    }

    void refresh() {
        grid.setItems(dialogs.administration().users(user));
    }

    /** The accounts listed now (for tests). */
    java.util.List<UserAccount> listed() {
        return grid.getGenericDataView().getItems().toList();
    }

    UserDialog openDialog(@Nullable UserAccount account) {
        UserDialog dialog = dialogs.open(user, account, this::refresh);
        dialog.open();
        return dialog;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " · " + getTranslation("app.name");
    }
}
