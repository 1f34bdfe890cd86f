package org.kinship.ui.templates;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActor;
import org.kinship.forms.FormDefinitionService;
import org.kinship.security.KinshipUser;
import org.kinship.templates.InstalledPackage;
import org.kinship.templates.PackageRefusedException;
import org.kinship.templates.TemplateService;

/**
 * Administrators' template library: the installed packages with version, publisher and local adaptations;
 * import a package file (preview of what it changes and the conflicts, then apply); export this instance's
 * forms as a signed package.
 */
@Route("admin/templates")
@RolesAllowed("ADMINISTRATOR")
public class TemplateLibraryView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_PACKAGE_BYTES = 10 * 1024 * 1024;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final TemplateService templates;
    private final FormDefinitionService forms;
    private final AuditActor actor;
    private final Grid<InstalledPackage> grid = new Grid<>();
    private final Span error = new Span();
    private @Nullable PackagePreviewDialog preview;

    public TemplateLibraryView(TemplateService templates, FormDefinitionService forms,
            AuthenticationContext authentication) {
        this.templates = templates;
        this.forms = forms;
        this.actor = authentication.getAuthenticatedUser(KinshipUser.class).map(AuditActor::of).orElseThrow();
        setId("templates-view");
        grid.setId("templates-grid");
        grid.addColumn(p -> p.manifest().id()).setHeader(getTranslation("templates.column.package")).setFlexGrow(2);
        grid.addColumn(p -> p.manifest().version()).setHeader(getTranslation("templates.column.version"));
        grid.addColumn(p -> p.manifest().publisher()).setHeader(getTranslation("templates.column.publisher"));
        grid.addColumn(p -> DATE.format(p.installedAt())).setHeader(getTranslation("templates.column.installed"));
        grid.addColumn(this::adaptations).setHeader(getTranslation("templates.column.adaptations")).setFlexGrow(2);
        grid.setAllRowsVisible(true);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) ->
                UI.getCurrent().access(() -> preview(new String(content, StandardCharsets.UTF_8)))));
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(MAX_PACKAGE_BYTES);
        upload.setUploadButton(new Button(getTranslation("templates.import"), VaadinIcon.UPLOAD.create()));
        upload.setId("templates-upload");
        Button export = new Button(getTranslation("templates.export"), VaadinIcon.DOWNLOAD.create(),
                click -> new ExportDialog(templates, forms, actor).open());
        export.setId("templates-export");
        Button keys = new Button(getTranslation("templates.keys"), VaadinIcon.KEY.create(),
                click -> new TrustedKeysDialog(templates, actor).open());
        keys.setId("templates-keys-open");
        error.setId("templates-error");
        error.setVisible(false);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new H2(getTranslation("templates.title")), new HorizontalLayout(upload, export, keys),
                new Span(getTranslation("templates.import.hint")), error, grid);
        refresh();
    }

    /** Checks the uploaded package and shows what it would change; a refused package is named, nothing stored. */
    void preview(String file) {
        try {
            preview = new PackagePreviewDialog(templates, file, templates.preview(file, getLocale()), actor,
                    this::applied);
            error.setVisible(false);
            preview.open();
        } catch (PackageRefusedException e) {
            error.setText(getTranslation(e.reason().messageKey(), e.detail()));
            error.setVisible(true);
        }
    }

    @Nullable PackagePreviewDialog previewDialog() {
        return preview;
    }

    String errorText() {
        return error.isVisible() ? error.getText() : "";
    }

    Grid<InstalledPackage> grid() {
        return grid;
    }

    private void applied() {
        refresh();
    }

    private void refresh() {
        grid.setItems(templates.installed());
    }

    String adaptations(InstalledPackage pkg) {
        if (pkg.adaptations().isEmpty() && pkg.lookupAdaptations().isEmpty()) {
            return getTranslation("templates.adaptations.none");
        }
        return java.util.stream.Stream.concat(pkg.adaptations().stream().map(a -> a.formId() + " ("
                + (a.diff().added().size() + a.diff().removed().size() + a.diff().changed().size()) + ")"),
                pkg.lookupAdaptations().stream().map(a -> "lookup:" + a.lookupId() + " (" + (a.diff().added().size()
                        + a.diff().removed().size() + a.diff().retired().size() + a.diff().relabelled().size()) + ")"))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("templates.title");
    }
}
