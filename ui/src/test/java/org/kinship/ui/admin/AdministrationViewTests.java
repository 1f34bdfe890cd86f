package org.kinship.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.Test;
import org.kinship.i18n.Messages;
import org.kinship.security.AgencyLogos;
import org.kinship.security.DefaultRoles;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.Role;
import org.kinship.security.RoleService;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.kinship.testing.ApiClient;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@PlatformIntegrationTest
class AdministrationViewTests extends SpringBrowserlessTest {

    private static final String PASSWORD = "Meadow-Copper-Lantern-5";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    @Autowired
    AgencyLogos logos;

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    RoleService roles;

    @Autowired
    org.kinship.security.UserGroupService groups;

    @Autowired
    Messages messages;

    @Test
    @WithKinshipUser(username = "admin.creator", role = DefaultRoles.ADMINISTRATOR)
    void anAdministratorCreatesAnAgencyAndAUserWhoCanThenSignIn() {
        AgenciesView agencies = navigate(AgenciesView.class);
        AgencyDialog agency = agencies.openDialog(null);
        agency.fill("SAVE", "Save the Children field office");
        assertThat(agency.save()).as(agency.errorText()).isTrue();
        AgencyDialog edit = agencies.openDialog(accounts.findAgency("SAVE").orElseThrow());
        assertThat(edit.uploadLogo("<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(edit.errorText()).contains("PNG, JPEG or GIF");
        assertThat(edit.uploadLogo(PNG)).as(edit.errorText()).isTrue();
        assertThat(LogoImages.of(logos, "SAVE")).isInstanceOf(com.vaadin.flow.component.html.Image.class);

        UsersView users = navigate(UsersView.class);
        UserDialog dialog = users.openDialog(null);
        dialog.username.setValue("amina.new");
        dialog.displayName.setValue("Amina New");
        dialog.password.setValue("short");
        assertThat(dialog.password.getHelperText()).contains("at least 10 characters");
        dialog.password.setValue(PASSWORD);
        dialog.roles.setValue(Set.of(DefaultRoles.CASE_WORKER));
        dialog.agency.setValue("SAVE");
        assertThat(dialog.save()).as(dialog.errorText()).isTrue();

        assertThat(users.listed()).extracting(UserAccount::username).contains("amina.new");
        assertThat(accounts.findByUsername("amina.new").orElseThrow().agencyCode()).isEqualTo("SAVE");
        assertThat(new ApiClient(port).get("/api/v1/me", "amina.new", PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    @WithKinshipUser(username = "hope.agency.admin", role = DefaultRoles.AGENCY_ADMINISTRATOR, agency = "HOPE")
    void anAgencyAdministratorSeesOnlyTheirAgencysUsersAndIsRefusedForAnother() {
        accounts.createAgency("FAR", "Far agency");
        accounts.create("hope.worker", PASSWORD, "Hope Worker", Set.of(DefaultRoles.CASE_WORKER), "HOPE");
        UserAccount far = accounts.create("far.worker", PASSWORD, "Far Worker", Set.of(DefaultRoles.CASE_WORKER),
                "FAR");

        UsersView users = navigate(UsersView.class);

        assertThat(users.listed()).extracting(UserAccount::username).contains("hope.worker")
                .doesNotContain("far.worker");
        assertThat(users.listed()).extracting(UserAccount::agencyCode).containsOnly("HOPE");
        assertThat($(SideNav.class).single().getItems()).extracting(SideNavItem::getLabel).contains("Users")
                .doesNotContain("Roles", "Agencies", "Audit log", "User groups");

        UserDialog dialog = users.openDialog(far);
        dialog.displayName.setValue("Renamed from another agency");
        assertThat(dialog.save()).isFalse();
        assertThat(dialog.errorText()).isEqualTo(messages.get(Locale.ENGLISH, "admin.denied.other_agency"));
        assertThat(accounts.findById(far.id()).orElseThrow().displayName()).isEqualTo("Far Worker");
    }

    @Test
    @WithKinshipUser(username = "self.admin", role = DefaultRoles.ADMINISTRATOR)
    void aUserCannotChangeTheirOwnRolesInTheView() {
        UsersView users = navigate(UsersView.class);
        UserAccount self = users.listed().stream().filter(account -> account.username().equals("self.admin"))
                .findFirst().orElseThrow();

        UserDialog dialog = users.openDialog(self);
        dialog.roles.setValue(Set.of(DefaultRoles.ADMINISTRATOR, DefaultRoles.SUPERVISOR));

        assertThat(dialog.save()).isFalse();
        assertThat(dialog.errorText()).isEqualTo(messages.get(Locale.ENGLISH, "admin.denied.own_account"));
        assertThat(accounts.findById(self.id()).orElseThrow().roles()).containsExactly(DefaultRoles.ADMINISTRATOR);
    }

    @Test
    @WithKinshipUser(username = "roles.admin", role = DefaultRoles.ADMINISTRATOR)
    void aRolePermissionEditPersists() {
        RolesView view = navigate(RolesView.class);
        RoleEditor created = view.openEditor(new Role("", Map.of(), Set.of(), -1));
        created.name.setValue("field_monitor");
        created.label.setValue("Field monitor");
        created.setScope(Resource.CASE, Action.VIEW, Scope.GROUP);
        assertThat(created.save()).as(created.errorText()).isTrue();

        RoleEditor edited = view.openEditor(roles.role("field_monitor").orElseThrow());
        assertThat(edited.scope(Resource.CASE, Action.VIEW)).isEqualTo(Scope.GROUP);
        edited.setScope(Resource.CASE, Action.VIEW, Scope.AGENCY);
        edited.setScope(Resource.REPORT, Action.VIEW, Scope.OWN);
        assertThat(edited.save()).as(edited.errorText()).isTrue();

        assertThat(roles.role("field_monitor").orElseThrow().permissions()).containsExactlyInAnyOrder(
                Permission.parse("case:view:agency"), Permission.parse("report:view:own"));
        assertThat(roles.role("field_monitor").orElseThrow().labels()).containsEntry("en", "Field monitor");
    }

    @Test
    @WithKinshipUser(username = "roles.admin2", role = DefaultRoles.ADMINISTRATOR)
    void theAdministratorRoleCannotLoseItsOwnAdministration() {
        RoleEditor editor = navigate(RolesView.class).openEditor(roles.role(DefaultRoles.ADMINISTRATOR).orElseThrow());
        editor.setScope(Resource.ROLE, Action.MANAGE, null);

        assertThat(editor.save()).isFalse();
        assertThat(editor.errorText()).contains("must keep");
        assertThat(roles.role(DefaultRoles.ADMINISTRATOR).orElseThrow().grants(Resource.ROLE, Action.MANAGE,
                Scope.ALL)).isTrue();
    }

    @Test
    @WithKinshipUser(username = "groups.admin", role = DefaultRoles.ADMINISTRATOR)
    void anAdministratorFormsAGroupAcrossAgencies() {
        accounts.createAgency("EAST", "East agency");
        accounts.createAgency("WEST", "West agency");
        UserAccount east = accounts.create("east.worker", PASSWORD, "East Worker", Set.of(DefaultRoles.CASE_WORKER),
                "EAST");
        UserAccount west = accounts.create("west.worker", PASSWORD, "West Worker", Set.of(DefaultRoles.CASE_WORKER),
                "WEST");
        GroupDialog dialog = navigate(GroupsView.class).openDialog(null);
        dialog.name.setValue("Border tracing team");
        dialog.members.setValue(Set.of(accounts.findById(east.id()).orElseThrow(),
                accounts.findById(west.id()).orElseThrow()));
        dialog.agencies.setValue(Set.of("EAST", "WEST"));

        assertThat(dialog.save()).as(dialog.errorText()).isTrue();
        assertThat(groups.groupsOf(west.id())).singleElement().satisfies(group -> {
            assertThat(group.memberIds()).containsExactlyInAnyOrder(east.id(), west.id());
            assertThat(group.agencyCodes()).containsExactlyInAnyOrder("EAST", "WEST");
        });
    }

    @Test
    @WithKinshipUser(username = "groups.agency.admin", role = DefaultRoles.AGENCY_ADMINISTRATOR, agency = "HOPE")
    void anAgencyAdministratorCannotOpenUserGroups() {
        navigate("admin/groups", com.vaadin.flow.component.Component.class);

        assertThat($(GroupsView.class).all()).isEmpty();
    }

    @Test
    @WithKinshipUser(username = "reset.admin", role = DefaultRoles.ADMINISTRATOR)
    void aResetPasswordIsShownOnceAndWorksAndADisabledAccountCannotSignIn() {
        UserAccount worker = accounts.create("reset.worker", PASSWORD, "Reset Worker",
                Set.of(DefaultRoles.CASE_WORKER), "HOPE");
        UsersView users = navigate(UsersView.class);
        ApiClient api = new ApiClient(port);

        UserDialog dialog = users.openDialog(worker);
        dialog.resetPassword();
        String generated = dialog.generatedText().replaceAll(".*: ", "");
        assertThat(api.get("/api/v1/me", "reset.worker", generated).statusCode()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", "reset.worker", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(users.openDialog(accounts.findById(worker.id()).orElseThrow()).generatedText()).isEmpty();

        UserDialog disabling = users.openDialog(accounts.findById(worker.id()).orElseThrow());
        disabling.enabled.setValue(false);
        assertThat(disabling.save()).as(disabling.errorText()).isTrue();
        assertThat(api.get("/api/v1/me", "reset.worker", generated).statusCode()).isEqualTo(401);
    }
}
