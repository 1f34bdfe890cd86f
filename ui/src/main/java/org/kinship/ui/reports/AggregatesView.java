package org.kinship.ui.reports;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.kinship.i18n.Messages;
import org.kinship.reports.AggregateCell;
import org.kinship.reports.AggregateDefinition;
import org.kinship.reports.AggregateImport;
import org.kinship.reports.AggregateService;
import org.kinship.reports.ConsolidatedReport;
import org.kinship.reports.ExportFormat;
import org.kinship.reports.ExportedFile;
import org.kinship.reports.ReportRefusedException;
import org.kinship.reports.UploadedFile;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.PermissionDeniedException;
import org.kinship.security.PermissionService;

/**
 * Monthly de-identified aggregate reports: an agency produces and exports its file; a coordination body imports
 * the agencies' files and reads the consolidated report, each figure naming the files it came from.
 */
@Route("aggregates")
@PermitAll
public class AggregatesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final int MAX_FILE_BYTES = 5 * 1024 * 1024;

    final Select<AggregateDefinition> definition = new Select<>();
    final TextField period = new TextField();
    final Button produce = new Button();
    final Grid<AggregateCell> cells = new Grid<>();
    final Anchor excel = new Anchor();
    final Anchor csv = new Anchor();
    final Span message = new Span();
    final List<UploadedFile> uploads = new ArrayList<>();
    final Button importFiles = new Button();
    final Button consolidate = new Button();
    final Grid<ConsolidatedReport.Cell> consolidated = new Grid<>();

    private final transient AggregateService aggregates;
    private final transient PermissionService permissions;
    private final transient Messages messages;
    private final transient Clock clock;
    private final KinshipUser user;

    public AggregatesView(AuthenticationContext authentication, AggregateService aggregates,
            PermissionService permissions, Messages messages, Clock clock) {
        this.aggregates = aggregates;
        this.permissions = permissions;
        this.messages = messages;
        this.clock = clock;
        this.user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        setId("aggregates-view");
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
    }

    private boolean coordinator() {
        return permissions.widestScope(user, Resource.REPORT, Action.VIEW).filter(s -> s == Scope.ALL).isPresent();
    }

    private void build() {
        definition.setId("aggregate-definition");
        definition.setLabel(getTranslation("aggregates.ui.definition"));
        definition.setItems(aggregates.definitions(user));
        definition.setItemLabelGenerator(d -> d.nameIn(getLocale().getLanguage()) + " (v" + d.version() + ")");
        definition.getListDataView().getItems().findFirst().ifPresent(definition::setValue);
        period.setId("aggregate-period");
        period.setLabel(getTranslation("aggregates.ui.period"));
        period.setValue(YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1).toString());
        produce.setId("aggregate-produce");
        produce.setText(getTranslation("aggregates.ui.produce"));
        produce.addClickListener(e -> produce());
        message.setId("aggregate-message");

        cells.setId("aggregate-cells");
        cells.addColumn(c -> categoryLabel(c.category())).setHeader(getTranslation("aggregates.ui.category"));
        cells.addColumn(AggregateCell::label).setHeader(getTranslation("aggregates.ui.value"));
        cells.addColumn(c -> c.count() == null ? "" : String.valueOf(c.count()))
                .setHeader(getTranslation("aggregates.ui.count"));
        cells.addColumn(c -> c.percent() == null ? "" : c.percent().toPlainString() + " %")
                .setHeader(getTranslation("aggregates.ui.percent"));
        cells.addColumn(c -> c.suppressed() ? getTranslation("aggregates.ui.suppressed") : "");
        cells.setAllRowsVisible(true);
        cells.setVisible(false);
        excel.setId("aggregate-export-xlsx");
        excel.setText(getTranslation("reports.ui.exportExcel"));
        csv.setId("aggregate-export-csv");
        csv.setText(getTranslation("reports.ui.exportCsv"));
        excel.setVisible(false);
        csv.setVisible(false);

        HorizontalLayout agency = new HorizontalLayout(definition, period, produce, excel, csv);
        agency.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2(getTranslation("aggregates.ui.title")), agency, message, cells);
        if (coordinator()) {
            add(coordination());
        }
    }

    private VerticalLayout coordination() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) -> UI.getCurrent().access(() ->
                uploads.add(new UploadedFile(metadata.fileName(), content)))));
        upload.setId("aggregate-upload");
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx");
        importFiles.setId("aggregate-import");
        importFiles.setText(getTranslation("aggregates.ui.import"));
        importFiles.setIcon(VaadinIcon.UPLOAD.create());
        importFiles.addClickListener(e -> importUploads());
        consolidate.setId("aggregate-consolidate");
        consolidate.setText(getTranslation("aggregates.ui.consolidate"));
        consolidate.addClickListener(e -> consolidate());
        consolidated.setId("aggregate-consolidated");
        consolidated.addColumn(c -> categoryLabel(c.category())).setHeader(getTranslation("aggregates.ui.category"));
        consolidated.addColumn(ConsolidatedReport.Cell::label).setHeader(getTranslation("aggregates.ui.value"));
        consolidated.addColumn(c -> c.total() == null ? getTranslation("aggregates.ui.percentagesOnly")
                : c.total() + (c.includesSuppressed() ? " +" : "")).setHeader(getTranslation("aggregates.ui.total"));
        consolidated.addColumn(AggregatesView::sources).setHeader(getTranslation("aggregates.ui.sources"))
                .setFlexGrow(3);
        consolidated.setAllRowsVisible(true);
        consolidated.setVisible(false);
        VerticalLayout section = new VerticalLayout(new H3(getTranslation("aggregates.ui.coordination")),
                new Span(getTranslation("aggregates.ui.importHint")), upload,
                new HorizontalLayout(importFiles, consolidate), consolidated);
        section.setPadding(false);
        return section;
    }

    private Optional<YearMonth> month() {
        try {
            return Optional.of(YearMonth.parse(period.getValue().strip()));
        } catch (DateTimeParseException e) {
            message.setText(messages.get(getLocale(), "reports.aggregate.badPeriod", period.getValue()));
            return Optional.empty();
        }
    }

    void produce() {
        message.setText("");
        AggregateDefinition chosen = definition.getValue();
        if (chosen == null) {
            return;
        }
        month().ifPresent(month -> {
            try {
                cells.setItems(aggregates.produce(user, chosen.id(), month, getLocale()).cells());
                cells.setVisible(true);
                boolean exportable = permissions.can(user, Resource.REPORT, Action.EXPORT)
                        || permissions.can(user, Resource.EXPORT, Action.EXPORT);
                excel.setVisible(exportable);
                csv.setVisible(exportable);
                excel.setHref(download(chosen.id(), month, ExportFormat.XLSX));
                csv.setHref(download(chosen.id(), month, ExportFormat.CSV));
                excel.getElement().setAttribute("download", true);
                csv.getElement().setAttribute("download", true);
            } catch (ReportRefusedException e) {
                message.setText(Refusals.text(messages, getLocale(), e));
            } catch (PermissionDeniedException e) {
                message.setText(getTranslation("security.denied.message"));
            }
        });
    }

    private DownloadHandler download(String definitionId, YearMonth month, ExportFormat format) {
        java.util.Locale locale = getLocale();
        return DownloadHandler.fromInputStream(event -> {
            ExportedFile file = aggregates.export(user, definitionId, month, format, locale);
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(), format.mediaType(),
                    file.content().length);
        });
    }

    void importUploads() {
        AggregateDefinition chosen = definition.getValue();
        if (chosen == null) {
            return;
        }
        month().ifPresent(month -> {
            try {
                AggregateImport imported = aggregates.importFiles(user, chosen.id(), month, List.copyOf(uploads),
                        getLocale());
                message.setText(getTranslation("aggregates.ui.imported", imported.files().size(),
                        imported.files().stream().map(AggregateImport.AgencyFile::agency).sorted()
                                .collect(Collectors.joining(", "))));
                uploads.clear();
                consolidate();
            } catch (ReportRefusedException e) {
                message.setText(Refusals.text(messages, getLocale(), e));
            }
        });
    }

    void consolidate() {
        AggregateDefinition chosen = definition.getValue();
        if (chosen == null) {
            return;
        }
        month().ifPresent(month -> {
            consolidated.setItems(aggregates.consolidated(user, chosen.id(), null, month, getLocale()).cells());
            consolidated.setVisible(true);
        });
    }

    private String categoryLabel(String categoryId) {
        AggregateDefinition chosen = definition.getValue();
        return chosen == null ? categoryId : chosen.category(categoryId).map(c -> c.labelIn(getLocale().getLanguage()))
                .orElse(categoryId);
    }

    private static String sources(ConsolidatedReport.Cell cell) {
        return cell.sources().stream().map(s -> s.agency() + " (" + s.fileName() + "): "
                + (s.suppressed() ? "-" : s.count() != null ? String.valueOf(s.count())
                        : s.percent() == null ? "" : s.percent().toPlainString() + " %"))
                .collect(Collectors.joining("; "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("aggregates.ui.title") + " · " + getTranslation("app.name");
    }
}
