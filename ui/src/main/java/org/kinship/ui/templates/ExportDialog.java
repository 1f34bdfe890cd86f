package org.kinship.ui.templates;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditActor;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormSummary;
import org.kinship.templates.ExportRequest;
import org.kinship.templates.TemplateService;

/** Chooses published forms, builds the signed package and offers it for download. */
class ExportDialog extends Dialog {

    private final TextField packageId = new TextField();
    private final TextField version = new TextField();
    private final MultiSelectComboBox<String> formIds = new MultiSelectComboBox<>();
    private @Nullable String exported;

    ExportDialog(TemplateService templates, FormDefinitionService forms, AuditActor actor) {
        setId("templates-export-dialog");
        setHeaderTitle(getTranslation("templates.export"));
        packageId.setLabel(getTranslation("templates.export.packageId"));
        packageId.setId("export-package-id");
        packageId.setValue("local.templates");
        version.setLabel(getTranslation("templates.export.version"));
        version.setId("export-version");
        version.setValue("1.0.0");
        formIds.setLabel(getTranslation("templates.export.forms"));
        formIds.setId("export-forms");
        formIds.setItems(forms.list().stream().filter(summary -> summary.latestVersion() != null)
                .map(FormSummary::formId).toList());
        Anchor download = new Anchor();
        download.setId("export-download");
        download.setVisible(false);
        Button build = new Button(getTranslation("templates.export"), click -> {
            exported = templates.export(new ExportRequest(packageId.getValue().strip(), version.getValue().strip(),
                    Map.of("en", packageId.getValue().strip()), List.copyOf(formIds.getValue()), List.of()), actor);
            byte[] bytes = exported.getBytes(StandardCharsets.UTF_8);
            String name = packageId.getValue().strip() + "-" + version.getValue().strip() + ".kinship-template.json";
            download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(bytes), name, "application/json", bytes.length)));
            download.setText(getTranslation("templates.export.download"));
            download.getElement().setAttribute("download", true);
            download.setVisible(true);
        });
        build.setId("export-build");
        build.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new FormLayout(packageId, version, formIds), download);
        getFooter().add(new Button(getTranslation("templates.cancel"), click -> close()), build);
    }

    @Nullable String exported() {
        return exported;
    }
}
