package org.kinship.ui.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.i18n.Messages;
import org.kinship.reports.ChartType;
import org.kinship.reports.ExportFormat;
import org.kinship.reports.ExportedFile;
import org.kinship.reports.ReportDefinition;
import org.kinship.reports.ReportDimension;
import org.kinship.reports.ReportFilter;
import org.kinship.reports.ReportMeasure;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.ReportResult;
import org.kinship.reports.ReportService;
import org.kinship.reports.ReportableField;
import org.kinship.reports.SavedReport;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.Role;
import org.kinship.security.RoleService;

/**
 * The report builder: choose a module, rows, columns, a filter, count or sum and a chart; run it on current
 * data (within the user's scope), save and share it with roles, open saved reports (also as
 * {@code reports?report=<id>}), export them.
 */
@Route("reports")
@PermitAll
public class ReportsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    final Grid<SavedReport> saved = new Grid<>();
    final Select<RecordModule> module = new Select<>();
    final DimensionEditor rows = new DimensionEditor("report-rows", getTranslation("reports.ui.rows"));
    final DimensionEditor columns = new DimensionEditor("report-columns", getTranslation("reports.ui.columns"));
    final FilterEditor filter = new FilterEditor();
    final Select<ReportMeasure.Kind> measure = new Select<>();
    final ComboBox<ReportableField> sumField = new ComboBox<>();
    final Select<ChartType> chart = new Select<>();
    final TextField name = new TextField();
    final MultiSelectComboBox<String> share = new MultiSelectComboBox<>();
    final Button run = new Button();
    final Button save = new Button();
    final Button delete = new Button();
    final Anchor excel = new Anchor();
    final Anchor csv = new Anchor();
    final Span error = new Span();
    final ResultPanel result = new ResultPanel();

    private final transient ReportService reports;
    private final transient RecordModuleService modules;
    private final transient PermissionService permissions;
    private final transient RoleService roles;
    private final transient Messages messages;
    private final KinshipUser user;
    private List<ReportableField> fields = List.of();
    private @Nullable SavedReport current;

    public ReportsView(AuthenticationContext authentication, ReportService reports, RecordModuleService modules,
            PermissionService permissions, RoleService roles, Messages messages) {
        this.reports = reports;
        this.modules = modules;
        this.permissions = permissions;
        this.roles = roles;
        this.messages = messages;
        this.user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        setId("reports-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!permissions.can(user, Resource.REPORT, Action.VIEW)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        if (getComponentCount() == 0) {
            build();
        }
        // reports/?report=<id> opens a saved report (links from elsewhere, bookmarks)
        event.getLocation().getQueryParameters().getSingleParameter("report").ifPresent(id -> {
            try {
                open(reports.get(user, id));
            } catch (ReportRefusedException e) {
                error.setText(Refusals.text(messages, getLocale(), e));
            }
        });
    }

    private void build() {
        saved.setId("reports-saved");
        saved.addColumn(SavedReport::name).setHeader(getTranslation("reports.ui.name")).setFlexGrow(2);
        saved.addColumn(SavedReport::ownerName).setHeader(getTranslation("reports.ui.owner"));
        saved.addColumn(r -> String.join(", ", r.sharedWithRoles().stream().map(role -> getTranslation("role." + role))
                .sorted().toList())).setHeader(getTranslation("reports.ui.sharedWith"));
        saved.setAllRowsVisible(true);
        saved.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue());
            }
        });

        module.setId("report-module");
        module.setLabel(getTranslation("reports.ui.module"));
        List<RecordModule> caseModules = modules.list().stream().filter(m -> "case".equals(m.recordType())).toList();
        module.setItems(caseModules);
        module.setItemLabelGenerator(m -> m.name().getOrDefault(getLocale().getLanguage(),
                m.name().getOrDefault("en", m.id())));
        module.addValueChangeListener(e -> loadFields(e.getValue()));

        measure.setId("report-measure");
        measure.setLabel(getTranslation("reports.ui.measure"));
        measure.setItems(ReportMeasure.Kind.values());
        measure.setItemLabelGenerator(k -> getTranslation("reports.ui.measure." + k.name()));
        measure.setValue(ReportMeasure.Kind.COUNT);
        sumField.setId("report-sum-field");
        sumField.setLabel(getTranslation("reports.ui.sumOf"));
        sumField.setItemLabelGenerator(ReportableField::label);
        sumField.setVisible(false);
        measure.addValueChangeListener(e -> sumField.setVisible(e.getValue() == ReportMeasure.Kind.SUM));
        chart.setId("report-chart-type");
        chart.setLabel(getTranslation("reports.ui.chart"));
        chart.setItems(ChartType.values());
        chart.setItemLabelGenerator(t -> getTranslation("reports.ui.chart." + t.name()));
        chart.setValue(ChartType.BAR);

        run.setText(getTranslation("reports.ui.run"));
        run.setIcon(VaadinIcon.PLAY.create());
        run.setId("report-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> runReport());

        name.setId("report-name");
        name.setLabel(getTranslation("reports.ui.name"));
        share.setId("report-share");
        share.setLabel(getTranslation("reports.ui.shareWith"));
        share.setItems(roles.roles().stream().map(Role::name).toList());
        share.setItemLabelGenerator(role -> getTranslation("role." + role));
        save.setText(getTranslation("reports.ui.save"));
        save.setId("report-save");
        save.addClickListener(e -> saveReport());
        delete.setText(getTranslation("reports.ui.delete"));
        delete.setId("report-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.addClickListener(e -> deleteReport());
        delete.setVisible(false);
        excel.setId("report-export-xlsx");
        excel.setText(getTranslation("reports.ui.exportExcel"));
        csv.setId("report-export-csv");
        csv.setText(getTranslation("reports.ui.exportCsv"));
        excel.setVisible(false);
        csv.setVisible(false);
        error.setId("report-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        HorizontalLayout measures = new HorizontalLayout(measure, sumField, chart);
        measures.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        HorizontalLayout saving = new HorizontalLayout(name, share, save, delete, excel, csv);
        saving.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("reports.ui.title")), saved, module, rows, columns, filter, measures, run, error,
                result, saving);
        refreshSaved();
        if (!caseModules.isEmpty()) {
            module.setValue(caseModules.getFirst());
        }
    }

    private void loadFields(@Nullable RecordModule chosen) {
        error.setText("");
        fields = List.of();
        if (chosen != null) {
            try {
                fields = reports.fields(user, chosen.id(), getLocale());
            } catch (ReportRefusedException e) {
                error.setText(Refusals.text(messages, getLocale(), e));
            }
        }
        List<ReportableField> groupable = fields.stream().filter(f -> !f.kind().equals("calculated")
                || f.options().isEmpty()).toList();
        rows.setFields(groupable);
        columns.setFields(groupable);
        filter.setFields(fields);
        sumField.setItems(fields.stream().filter(f -> DimensionEditor.NUMBERS.contains(f.kind())).toList());
    }

    /** The definition the form describes; empty (with the reason shown) when it is incomplete. */
    Optional<ReportDefinition> definition() {
        if (module.getValue() == null) {
            error.setText(getTranslation("reports.ui.chooseModule"));
            return Optional.empty();
        }
        try {
            List<ReportDimension> rowDimensions = rows.dimension().map(List::of).orElse(List.of());
            List<ReportDimension> columnDimensions = columns.dimension().map(List::of).orElse(List.of());
            List<ReportFilter> filters = filter.filter().map(List::of).orElse(List.of());
            ReportMeasure chosen = measure.getValue() == ReportMeasure.Kind.SUM
                    ? new ReportMeasure(ReportMeasure.Kind.SUM, sumField.getValue() == null ? null
                            : sumField.getValue().path())
                    : ReportMeasure.COUNT;
            return Optional.of(new ReportDefinition(module.getValue().id(), rowDimensions, columnDimensions, filters,
                    chosen));
        } catch (NumberFormatException e) {
            error.setText(getTranslation("reports.ui.badRanges"));
            return Optional.empty();
        }
    }

    void runReport() {
        error.setText("");
        definition().ifPresent(definition -> {
            try {
                ReportResult computed = reports.run(user, definition, getLocale());
                result.show(computed, chart.getValue(), name.getValue());
            } catch (ReportRefusedException e) {
                error.setText(Refusals.text(messages, getLocale(), e));
                result.setVisible(false);
            }
        });
    }

    void saveReport() {
        error.setText("");
        definition().ifPresent(definition -> {
            try {
                Set<String> roles = Set.copyOf(share.getValue());
                current = current != null && current.ownerId().equals(user.id())
                        ? reports.update(user, current.id(), current.version(), name.getValue(), definition,
                                chart.getValue(), roles, getLocale())
                        : reports.create(user, name.getValue(), definition, chart.getValue(), roles, getLocale());
                refreshSaved();
                showExports();
                runReport();
            } catch (ReportRefusedException e) {
                error.setText(Refusals.text(messages, getLocale(), e));
            } catch (org.kinship.shared.StaleVersionException e) {
                error.setText(messages.get(getLocale(), "reports.stale", current == null ? "" : current.name()));
            }
        });
    }

    private void deleteReport() {
        if (current != null) {
            reports.delete(user, current.id());
            current = null;
            name.clear();
            refreshSaved();
            showExports();
        }
    }

    void open(SavedReport report) {
        current = report;
        module.setValue(module.getListDataView().getItems().filter(m -> m.id().equals(report.definition().module()))
                .findFirst().orElse(null));
        ReportDefinition definition = report.definition();
        rows.load(definition.rows().isEmpty() ? null : definition.rows().getFirst(), fields);
        columns.load(definition.columns().isEmpty() ? null : definition.columns().getFirst(), fields);
        filter.load(definition.filters().isEmpty() ? null : definition.filters().getFirst(), fields);
        measure.setValue(definition.measure().kind());
        sumField.setValue(definition.measure().field() == null ? null : fields.stream()
                .filter(f -> f.path().equals(definition.measure().field())).findFirst().orElse(null));
        chart.setValue(report.chart());
        name.setValue(report.name());
        share.setValue(report.sharedWithRoles());
        showExports();
        error.setText("");
        try {
            result.show(reports.runSaved(user, report.id(), getLocale()), report.chart(), report.name());
        } catch (ReportRefusedException e) {
            error.setText(Refusals.text(messages, getLocale(), e));
        }
    }

    private void showExports() {
        boolean exportable = current != null && (permissions.can(user, Resource.REPORT, Action.EXPORT)
                || permissions.can(user, Resource.EXPORT, Action.EXPORT));
        delete.setVisible(current != null && current.ownerId().equals(user.id()));
        excel.setVisible(exportable);
        csv.setVisible(exportable);
        if (exportable) {
            String id = current.id();
            excel.setHref(download(id, ExportFormat.XLSX));
            csv.setHref(download(id, ExportFormat.CSV));
            excel.getElement().setAttribute("download", true);
            csv.getElement().setAttribute("download", true);
        }
    }

    private DownloadHandler download(String reportId, ExportFormat format) {
        java.util.Locale locale = getLocale();
        return DownloadHandler.fromInputStream(event -> {
            ExportedFile file = reports.export(user, reportId, format, locale, null);
            return new DownloadResponse(new java.io.ByteArrayInputStream(file.content()), file.fileName(),
                    format.mediaType(), file.content().length);
        });
    }

    private void refreshSaved() {
        saved.setItems(new ArrayList<>(reports.list(user)));
    }

    List<SavedReport> savedReports() {
        return saved.getGenericDataView().getItems().toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.ui.title") + " · " + getTranslation("app.name");
    }
}
