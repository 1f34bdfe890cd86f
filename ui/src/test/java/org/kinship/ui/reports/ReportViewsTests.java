package org.kinship.ui.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionAccess;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.reports.AggregateCategory;
import org.kinship.reports.AggregateDefinition;
import org.kinship.reports.AggregateService;
import org.kinship.reports.ChartType;
import org.kinship.reports.ExportFormat;
import org.kinship.reports.GeneratedChildren;
import org.kinship.reports.GeneratedChildren.Child;
import org.kinship.reports.ReportDefinition;
import org.kinship.reports.ReportDimension;
import org.kinship.reports.ReportMeasure;
import org.kinship.reports.ReportService;
import org.kinship.reports.ReportTestModule;
import org.kinship.reports.ReportableField;
import org.kinship.reports.SavedReport;
import org.kinship.reports.UploadedFile;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.shell.HomeView;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class ReportViewsTests extends SpringBrowserlessTest {

    private static final String AGENCY = "UIR";
    /** The report test module with its assessment section hidden from case workers. */
    private static final String HIDDEN_MODULE = "rpt-cp-ui-hidden";
    private static List<Child> children;

    @Autowired
    UserAccountService accounts;
    @Autowired
    FormDefinitionService forms;
    @Autowired
    LookupService lookups;
    @Autowired
    RecordModuleService modules;
    @Autowired
    CaseFileService cases;
    @Autowired
    AggregateService aggregates;
    @Autowired
    ReportService reports;
    @Autowired
    MutableClock clock;

    @BeforeEach
    void generateOnce() {
        synchronized (ReportViewsTests.class) {
            if (children == null) {
                ReportTestModule.install(forms, lookups, modules);
                CaseTestUsers users = new CaseTestUsers(accounts);
                children = new GeneratedChildren(21).register(cases, List.of(users.worker(AGENCY)), 12, clock,
                        Instant.parse("2026-06-01T09:00:00Z")).children();
            }
        }
    }

    @Test
    @WithKinshipUser(username = "view.reports.supervisor", role = DefaultRoles.SUPERVISOR, agency = AGENCY)
    void aSupervisorBuildsASexByAgeGroupReportSeesTableAndPieChartAndSavesItForAnalysts() {
        ReportsView view = navigate(ReportsView.class);
        view.module.setValue(view.module.getListDataView().getItems()
                .filter(m -> m.id().equals(ReportTestModule.MODULE)).findFirst().orElseThrow());
        List<ReportableField> offered = view.rows.field.getListDataView().getItems().toList();
        assertThat(offered).extracting(ReportableField::path).contains("registration/sex",
                "assessment/protection_concerns", "family/family_members.relationship")
                .doesNotContain("registration/given_name", "registration/date_of_birth");

        view.rows.field.setValue(field(offered, "registration/sex"));
        view.columns.field.setValue(field(offered, "registration/age"));
        view.columns.ranges.setValue("0, 5, 12, 18");
        view.chart.setValue(ChartType.PIE);
        $(Button.class).id("report-run").click();

        assertThat(view.error.getText()).isEmpty();
        List<List<String>> rows = view.result.shownRows();
        long females = children.stream().filter(c -> "female".equals(c.sex())).count();
        assertThat(rows).anySatisfy(row -> assertThat(row).startsWith("Female").endsWith(String.valueOf(females)));
        assertThat(rows.getLast()).startsWith("Total").endsWith(String.valueOf(children.size()));
        assertThat(view.result.chart.config()).contains("\"type\":\"pie\"", "\"Female\"");

        view.name.setValue("Sex by age group");
        view.share.setValue(Set.of(DefaultRoles.DATA_ANALYST));
        $(Button.class).id("report-save").click();
        assertThat(view.savedReports()).extracting(r -> r.name()).contains("Sex by age group");
        assertThat(view.excel.isVisible()).isTrue();
    }

    @Test
    @WithKinshipUser(username = "view.reports.refused", role = DefaultRoles.SUPERVISOR, agency = AGENCY)
    void anIncompleteReportExplainsWhatIsMissing() {
        ReportsView view = navigate(ReportsView.class);
        view.module.setValue(view.module.getListDataView().getItems()
                .filter(m -> m.id().equals(ReportTestModule.MODULE)).findFirst().orElseThrow());
        $(Button.class).id("report-run").click();
        assertThat(view.error.getText()).isEqualTo("Choose at least one field for the rows");

        view.rows.field.setValue(field(view.rows.field.getListDataView().getItems().toList(), "registration/age"));
        view.rows.ranges.setValue("0, five");
        $(Button.class).id("report-run").click();
        assertThat(view.error.getText()).startsWith("Write the range boundaries");
    }

    @Test
    @WithKinshipUser(username = "view.reports.hidden", role = DefaultRoles.CASE_WORKER, agency = AGENCY)
    void aSavedReportOnASectionHiddenForTheRoleIsRefusedAndTheSectionsFieldsAreNotOffered() {
        synchronized (ReportViewsTests.class) {
            if (modules.find(HIDDEN_MODULE).isEmpty()) {
                RecordModule base = modules.find(ReportTestModule.MODULE).orElseThrow();
                modules.save(new RecordModule(HIDDEN_MODULE, base.recordType(), Map.of("en", "Hidden assessment"),
                        base.sections().stream().map(section -> section.id().equals("assessment")
                                ? section.withAccess(DefaultRoles.CASE_WORKER, SectionAccess.HIDDEN) : section).toList(),
                        base.registrationSection(), base.numberPattern(), base.workflow(), base.indexedFields(), 0));
            }
        }
        KinshipUser supervisor = new CaseTestUsers(accounts).supervisor(AGENCY);
        SavedReport shared = reports.create(supervisor, "Risk levels", new ReportDefinition(HIDDEN_MODULE,
                List.of(ReportDimension.of("assessment/risk_level")), List.of(), List.of(), ReportMeasure.COUNT),
                ChartType.BAR, Set.of(DefaultRoles.CASE_WORKER), Locale.ENGLISH);

        com.vaadin.flow.component.UI.getCurrent().navigate("reports",
                com.vaadin.flow.router.QueryParameters.of("report", shared.id()));
        ReportsView view = (ReportsView) getCurrentView();

        assertThat(view.error.getText()).isEqualTo(
                "The field assessment/risk_level is in a section your role may not see: reports may not use it");
        assertThat(view.result.isVisible()).isFalse();
        assertThat(view.rows.field.getListDataView().getItems().map(ReportableField::path))
                .contains("registration/sex").noneMatch(path -> path.startsWith("assessment/"));
    }

    @Test
    @WithKinshipUser(username = "view.home.worker", role = DefaultRoles.CASE_WORKER, agency = AGENCY)
    void theHomePageShowsTheDashboardTiles() {
        navigate(HomeView.class);
        DashboardTiles tiles = $(DashboardTiles.class).single();
        assertThat(tiles.getElement().getChildren().map(c -> c.getAttribute("id")))
                .contains("tile-cases-my-open", "tile-cases-new-this-month");
    }

    @Test
    @WithKinshipUser(username = "view.aggregates.analyst", role = DefaultRoles.DATA_ANALYST, agency = "UIC")
    void aCoordinatorImportsAnAgencysFileAndSeesTheConsolidatedFigures() {
        KinshipUser analyst = KinshipUser.of(accounts.findByUsername("view.aggregates.analyst").orElseThrow());
        if (aggregates.definitions(analyst).stream().noneMatch(d -> d.id().equals("ui-monthly"))) {
            aggregates.publish(analyst, new AggregateDefinition("ui-monthly", 0, java.util.Map.of("en", "UI monthly"),
                    ReportTestModule.MODULE, "@registeredAt", 2, List.of(new AggregateCategory("sex",
                            java.util.Map.of("en", "Sex"), "sex", List.of(), null, false))), Locale.ENGLISH);
        }
        KinshipUser supervisor = new CaseTestUsers(accounts).supervisor(AGENCY);
        byte[] file = aggregates.export(supervisor, "ui-monthly", java.time.YearMonth.of(2026, 6), ExportFormat.CSV,
                Locale.ENGLISH).content();

        AggregatesView view = navigate(AggregatesView.class);
        view.definition.setValue(view.definition.getListDataView().getItems()
                .filter(d -> d.id().equals("ui-monthly")).findFirst().orElseThrow());
        view.period.setValue("2026-06");
        view.uploads.add(new UploadedFile("uir.csv", file));
        $(Button.class).id("aggregate-import").click();

        assertThat(view.message.getText()).isEqualTo("1 files imported: " + AGENCY);
        assertThat(view.consolidated.isVisible()).isTrue();
        List<org.kinship.reports.ConsolidatedReport.Cell> cells = view.consolidated.getGenericDataView().getItems()
                .toList();
        long females = children.stream().filter(c -> "female".equals(c.sex())).count();
        assertThat(cells).anySatisfy(cell -> {
            assertThat(cell.value()).isEqualTo("female");
            assertThat(cell.total()).isEqualTo(females);
            assertThat(cell.sources().getFirst().fileName()).isEqualTo("uir.csv");
        });

        view.uploads.add(new UploadedFile("bad.csv", "not an aggregate".getBytes(StandardCharsets.UTF_8)));
        $(Button.class).id("aggregate-import").click();
        assertThat(view.message.getText()).startsWith("bad.csv is not a valid aggregate file");
    }

    private static ReportableField field(List<ReportableField> fields, String path) {
        return fields.stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }
}
