package org.kinship.ui.forms;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDiff;
import org.kinship.forms.FormVersion;
import org.kinship.forms.FormVersionRef;

/** The published versions of a form, newest first, each with what changed since the one before. */
class DesignerVersions extends VerticalLayout {

    private final FormDefinitionService forms;
    private final Grid<FormVersion> grid = new Grid<>();

    DesignerVersions(FormDefinitionService forms) {
        this.forms = forms;
        setPadding(false);
        grid.setId("designer-versions");
        grid.addColumn(FormVersion::version).setHeader(getTranslation("designer.version")).setAutoWidth(true);
        grid.addColumn(version -> DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneOffset.UTC).format(version.publishedAt()) + " UTC").setHeader(getTranslation("designer.publishedAt"));
        grid.addColumn(FormVersion::publishedBy).setHeader(getTranslation("designer.publishedBy"));
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::changes));
        grid.setAllRowsVisible(true);
        add(grid);
    }

    void show(String formId) {
        List<FormVersion> versions = forms.versions(formId).stream()
                .sorted((a, b) -> Integer.compare(b.version(), a.version())).toList();
        grid.setItems(versions);
    }

    private Component changes(FormVersion version) {
        if (version.version() == 1) {
            return new Paragraph(getTranslation("designer.diff.first"));
        }
        FormVersion previous = forms.version(new FormVersionRef(version.formId(), version.version() - 1));
        return new DiffList(FormDiff.between(previous.schema(), version.schema()));
    }
}
