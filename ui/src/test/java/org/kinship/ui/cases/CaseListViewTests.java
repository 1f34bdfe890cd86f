package org.kinship.ui.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseListService;
import org.kinship.cases.CaseQuery;
import org.kinship.cases.CaseStatus;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.RoleService;
import org.kinship.security.UserAccountService;
import org.kinship.security.UserGroupService;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.shell.NotFoundView;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

@PlatformIntegrationTest
class CaseListViewTests extends SpringBrowserlessTest {

    @Autowired
    CaseFileService cases;

    @Autowired
    CaseListService list;

    @Autowired
    RecordModuleService modules;

    @Autowired
    FormDefinitionService forms;

    @Autowired
    LookupService lookups;

    @Autowired
    UserAccountService accounts;

    @Autowired
    RoleService roles;

    @Autowired
    UserGroupService groups;

    @BeforeEach
    void standardForms() {
        StandardCaseModule.use(modules, forms, lookups);
    }

    @Test
    @WithKinshipUser(username = "list.supervisor", role = DefaultRoles.SUPERVISOR, agency = "LISTA")
    void theListFiltersByStatusSexAndTextAndARowOpensTheCase() {
        KinshipUser worker = StandardCaseModule.user(accounts, "list.worker", DefaultRoles.CASE_WORKER, "LISTA");
        KinshipUser elsewhere = StandardCaseModule.user(accounts, "list.other", DefaultRoles.CASE_WORKER, "LISTB");
        CaseFile amina = register(worker, StandardCaseModule.child("Amina", "Kabila", "female"));
        register(worker, StandardCaseModule.child("Yusuf", "Kabila", "male"));
        CaseFile closed = register(worker, StandardCaseModule.child("Omar", "Haddad", "male"));
        cases.close(worker, closed.id(), null, "Reunified with his mother");
        register(elsewhere, StandardCaseModule.child("Amina", "Other", "female"));

        CaseListView view = navigate(CaseListView.class);
        assertThat(test(view.grid()).size()).isEqualTo(3);
        assertThat(view.filters().agency.isVisible()).isFalse();
        assertThat($(com.vaadin.flow.component.html.Span.class).id("case-total").getText()).isEqualTo("Cases found: 3");

        view.filters().sex.setValue("female");
        assertThat(test(view.grid()).size()).isEqualTo(1);
        assertThat(test(view.grid()).getRow(0).caseNumber()).isEqualTo(amina.caseNumber());
        assertThat(test(view.grid()).getCellText(0, test(view.grid()).getColumnPosition("sex"))).isEqualTo("Female");

        view.filters().sex.clear();
        view.filters().status.setValue(CaseStatus.OPEN);
        assertThat(test(view.grid()).size()).isEqualTo(2);
        test(view.filters().text).setValue("kab");
        assertThat(test(view.grid()).size()).isEqualTo(2);
        test(view.filters().text).setValue("yus");
        assertThat(test(view.grid()).size()).isEqualTo(1);
        test(view.filters().text).setValue(amina.caseNumber());
        assertThat(test(view.grid()).size()).isEqualTo(1);

        test(view.grid()).clickRow(0);

        assertThat(getCurrentView()).isInstanceOf(CaseFileView.class);
        assertThat(((CaseFileView) getCurrentView()).file()).extracting(CaseFile::id).isEqualTo(amina.id());
    }

    @Test
    @WithKinshipUser(username = "list.sorter", role = DefaultRoles.SUPERVISOR, agency = "LISTS")
    void theListIsSortedAndPagedOnTheServer() {
        KinshipUser worker = StandardCaseModule.user(accounts, "list.sorter.worker", DefaultRoles.CASE_WORKER, "LISTS");
        for (int i = 0; i < 120; i++) {
            register(worker, StandardCaseModule.child("Child" + (char) ('a' + i % 26) + i, "Sorted", i % 2 == 0
                    ? "female" : "male"));
        }
        CaseListView view = navigate(CaseListView.class);
        var grid = test(view.grid());
        assertThat(grid.size()).isEqualTo(120);

        grid.sortByColumn("caseNumber", com.vaadin.flow.data.provider.SortDirection.ASCENDING);

        String first = grid.getRow(0).caseNumber();
        String last = grid.getRow(119).caseNumber();
        assertThat(first).isLessThan(last);
        assertThat(first).isEqualTo(list.list(worker, new CaseQuery(null, null, null, null, null, null, null, null,
                null, null, null, null, CaseQuery.SortField.CASE_NUMBER, false, 0, 1)).items().getFirst().caseNumber());
    }

    @Test
    @WithKinshipUser(username = "list.mine", role = DefaultRoles.SUPERVISOR, agency = "LISTM")
    void mineShowsOnlyTheCasesTheUserOwns() {
        KinshipUser me = signedIn();
        KinshipUser colleague = StandardCaseModule.user(accounts, "list.mine.colleague", DefaultRoles.CASE_WORKER,
                "LISTM");
        register(me, StandardCaseModule.child("Fatima", "Mine", "female"));
        register(colleague, StandardCaseModule.child("Hassan", "Theirs", "male"));
        CaseListView view = navigate(CaseListView.class);
        assertThat(test(view.grid()).size()).isEqualTo(2);

        view.filters().mine.setValue(Boolean.TRUE);

        assertThat(test(view.grid()).size()).isEqualTo(1);
        assertThat(test(view.grid()).getRow(0).name()).contains("Fatima");
    }

    @Test
    @WithKinshipUser(username = "list.linked", role = DefaultRoles.SUPERVISOR, agency = "LISTL")
    void aDashboardLinkOpensTheListWithItsFilters() {
        KinshipUser me = signedIn();
        KinshipUser colleague = StandardCaseModule.user(accounts, "list.linked.colleague", DefaultRoles.CASE_WORKER,
                "LISTL");
        register(me, StandardCaseModule.child("Fatima", "Mine", "female"));
        register(colleague, StandardCaseModule.child("Hassan", "Theirs", "male"));
        CaseFile closed = register(colleague, StandardCaseModule.child("Omar", "Theirs", "male"));
        cases.close(colleague, closed.id(), null, "Reunified with his mother");

        CaseListView view = linked("status=OPEN&owner=" + colleague.id());
        assertThat(view.filters().status.getValue()).isEqualTo(CaseStatus.OPEN);
        assertThat(view.filters().otherOwner.isVisible()).isTrue();
        assertThat(view.filters().otherOwner.getText()).isEqualTo("Owner: "
                + accounts.findById(colleague.id()).orElseThrow().displayName());
        assertThat(test(view.grid()).size()).isEqualTo(1);
        assertThat(test(view.grid()).getRow(0).name()).contains("Hassan");

        test(view.filters().otherOwner).click();
        assertThat(view.filters().otherOwner.isVisible()).isFalse();
        assertThat(test(view.grid()).size()).isEqualTo(2);

        view = linked("owner=" + me.id() + "&status=nonsense&registeredFrom=2020-01-01");
        assertThat(view.filters().mine.getValue()).isTrue();
        assertThat(view.filters().status.getValue()).isNull();
        assertThat(view.filters().registeredFrom.getValue()).isEqualTo(java.time.LocalDate.of(2020, 1, 1));
        assertThat(test(view.grid()).size()).isEqualTo(1);
        assertThat(test(view.grid()).getRow(0).name()).contains("Fatima");
    }

    @Test
    @WithKinshipUser(username = "register.worker", role = DefaultRoles.CASE_WORKER, agency = "REGA")
    void registrationShowsTheMissingFieldAtTheFieldThenRegistersAndOpensTheCase() {
        CaseRegistrationView view = navigate(CaseRegistrationView.class);
        view.renderer().setData(Map.of("sex", "female", "separation_status", "unaccompanied"));

        $(Button.class).id("register-save").click();

        TextField given = $(TextField.class).id("field-properties-given_name");
        assertThat(given.isInvalid()).isTrue();
        assertThat(given.getErrorMessage()).isNotBlank();
        assertThat($(com.vaadin.flow.component.html.Span.class).id("registration-message").getText())
                .isEqualTo("Some fields are not filled in correctly.");
        assertThat(list.list(signedIn(), CaseQuery.all()).total()).isZero();

        test(given).setValue("Mariam");
        $(Button.class).id("register-save").click();

        assertThat(getCurrentView()).isInstanceOf(CaseFileView.class);
        CaseFile registered = ((CaseFileView) getCurrentView()).file();
        assertThat(registered.section("registration").orElseThrow().data()).containsEntry("given_name", "Mariam")
                .containsEntry("sex", "female");
        assertThat(registered.ownerId()).isEqualTo(signedIn().id());
        assertThat($(com.vaadin.flow.component.html.H2.class).id("case-name").getText()).isEqualTo("Mariam");
    }

    @Test
    @WithKinshipUser(username = "scope.worker", role = DefaultRoles.CASE_WORKER, agency = "SCOPEA")
    void aCaseOutsideTheScopeLooksLikeAnUnknownPage() {
        KinshipUser other = StandardCaseModule.user(accounts, "scope.other", DefaultRoles.CASE_WORKER, "SCOPEB");
        CaseFile theirs = register(other, StandardCaseModule.child("Leila", "Hidden", "female"));

        UI.getCurrent().navigate("cases/" + theirs.id());
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);

        UI.getCurrent().navigate("cases/no-such-case");
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);

        CaseListView view = navigate(CaseListView.class);
        test(view.filters().text).setValue("Leila");
        assertThat(test(view.grid()).size()).isZero();
    }

    @Test
    @WithKinshipUser(username = "cases.admin", role = DefaultRoles.ADMINISTRATOR, agency = "ADMA")
    void administratorsWithoutCaseAccessCannotOpenTheList() {
        UI.getCurrent().navigate(CaseListView.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        UI.getCurrent().navigate(CaseRegistrationView.class);
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
    }

    @Test
    @WithKinshipUser(username = "dup.worker", role = DefaultRoles.CASE_WORKER, agency = "DUPA")
    void aLikelyDuplicateIsShownAndRegisterAnywayRegistersTheSecondChild() {
        CaseFile first = register(signedIn(), mustafa());
        CaseRegistrationView view = navigate(CaseRegistrationView.class);
        view.renderer().setData(mustafa());

        $(Button.class).id("register-save").click();
        // the dialog attaches its content before the response to the browser
        com.vaadin.browserless.internal.MockVaadin.clientRoundtrip();

        DuplicatesDialog dialog = view.duplicatesDialog();
        assertThat(dialog).isNotNull();
        assertThat(dialog.isOpened()).isTrue();
        var grid = test(dialog.grid());
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getCellText(0, grid.getColumnPosition("number"))).isEqualTo(first.caseNumber());
        assertThat(grid.getCellText(0, grid.getColumnPosition("name"))).isEqualTo("Mustafa Hussein");
        assertThat(grid.getCellText(0, grid.getColumnPosition("sex"))).isEqualTo("Male");
        assertThat(grid.getCellText(0, grid.getColumnPosition("age"))).isEqualTo("9 years");
        assertThat(grid.getCellText(0, grid.getColumnPosition("match"))).matches("(Likely|Possible) match \\(score .+\\)");
        assertThat(list.list(signedIn(), CaseQuery.all()).total()).isEqualTo(1);

        $(Button.class).id("duplicates-register-anyway").click();

        assertThat(dialog.isOpened()).isFalse();
        assertThat(getCurrentView()).isInstanceOf(CaseFileView.class);
        CaseFile second = ((CaseFileView) getCurrentView()).file();
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.section("registration").orElseThrow().data()).containsEntry("given_name", "Mustafa");
        assertThat(list.list(signedIn(), CaseQuery.all()).total()).isEqualTo(2);
    }

    @Test
    @WithKinshipUser(username = "dup.opener", role = DefaultRoles.CASE_WORKER, agency = "DUPB")
    void openingALikelyDuplicateGoesToTheExistingCaseWithoutRegistering() {
        CaseFile first = register(signedIn(), mustafa());
        CaseRegistrationView view = navigate(CaseRegistrationView.class);
        view.renderer().setData(mustafa());
        $(Button.class).id("register-save").click();
        com.vaadin.browserless.internal.MockVaadin.clientRoundtrip();

        Button open = (Button) test(view.duplicatesDialog().grid()).getCellComponent(0, "open");
        test(open).click();

        assertThat(getCurrentView()).isInstanceOf(CaseFileView.class);
        assertThat(((CaseFileView) getCurrentView()).file().id()).isEqualTo(first.id());
        assertThat(list.list(signedIn(), CaseQuery.all()).total()).isEqualTo(1);
    }

    @Test
    @WithKinshipUser(username = "dup.none", role = DefaultRoles.CASE_WORKER, agency = "DUPC")
    void aChildWithoutLikelyDuplicatesIsRegisteredDirectly() {
        register(signedIn(), StandardCaseModule.child("Grace", "Okello", "female"));
        CaseRegistrationView view = navigate(CaseRegistrationView.class);
        view.renderer().setData(mustafa());

        $(Button.class).id("register-save").click();

        assertThat(view.duplicatesDialog()).isNull();
        assertThat(getCurrentView()).isInstanceOf(CaseFileView.class);
        assertThat(list.list(signedIn(), CaseQuery.all()).total()).isEqualTo(2);
    }

    @Test
    void usersWhoseScopeReachesSeveralAgenciesFilterTheListByAgency() {
        KinshipUser admin = KinshipUser.of(accounts.findByUsername(PlatformIntegrationTest.ADMIN).orElseThrow());
        if (roles.role("border_lead").isEmpty()) {
            roles.create(admin, "border_lead", Map.of("en", "Border lead"),
                    Set.of(Permission.of(Resource.CASE, Action.VIEW, Scope.GROUP)));
        }
        KinshipUser north = StandardCaseModule.user(accounts, "border.north", DefaultRoles.CASE_WORKER, "BORDERN");
        KinshipUser south = StandardCaseModule.user(accounts, "border.south", DefaultRoles.CASE_WORKER, "BORDERS");
        KinshipUser lead = StandardCaseModule.user(accounts, "border.lead", "border_lead", "BORDERN");
        if (groups.groupsOf(lead.id()).isEmpty()) {
            groups.create(admin, "Border team", Set.of(north.id(), south.id(), lead.id()),
                    Set.of("BORDERN", "BORDERS"));
        }
        register(north, StandardCaseModule.child("Aziza", "North", "female"));
        CaseFile southern = register(south, StandardCaseModule.child("Bashir", "South", "male"));
        StandardCaseModule.signIn(lead);
        try {
            CaseListView view = navigate(CaseListView.class);
            assertThat(test(view.grid()).size()).isEqualTo(2);
            assertThat(view.filters().agency.isVisible()).isTrue();
            assertThat(view.filters().agency.getListDataView().getItems().toList())
                    .containsExactlyInAnyOrder("BORDERN", "BORDERS");

            view.filters().agency.setValue("BORDERS");

            assertThat(test(view.grid()).size()).isEqualTo(1);
            assertThat(test(view.grid()).getRow(0).caseNumber()).isEqualTo(southern.caseNumber());
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Map<String, Object> mustafa() {
        Map<String, Object> data = StandardCaseModule.child("Mustafa", "Hussein", "male");
        data.put("estimated_age", 9);
        return data;
    }

    /** Follows a dashboard link to the case list: {@code cases?<query>}. */
    private CaseListView linked(String query) {
        UI.getCurrent().navigate("cases", com.vaadin.flow.router.QueryParameters.fromString(query));
        return (CaseListView) getCurrentView();
    }

    private CaseFile register(KinshipUser user, Map<String, Object> data) {
        return cases.register(user, StandardCaseModule.MODULE, data, Locale.ENGLISH);
    }

    private static KinshipUser signedIn() {
        return (KinshipUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }
}
