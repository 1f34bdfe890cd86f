package org.kinship.ui.forms;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import org.kinship.forms.DefinitionReport;
import org.kinship.forms.FormDataValidator;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormDraft;
import org.kinship.forms.FormSchema;
import org.kinship.forms.InvalidFormDefinitionException;
import org.kinship.forms.Lookup;
import org.kinship.forms.LookupService;
import org.kinship.security.KinshipUser;
import org.kinship.shared.StaleVersionException;

/**
 * The form designer: edit a form's draft field by field or as JSON (checked as you type), preview it in any
 * language, save the draft, publish it as a new version after seeing what changed, export and import it.
 */
@Route("admin/forms/:formId")
@RolesAllowed("ADMINISTRATOR")
public class FormDesignerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FormDefinitionService forms;
    private final LookupService lookups;
    private final String user;
    private final H2 title = new H2();
    private final Span state = new Span();
    private final DesignerProblems problems = new DesignerProblems();
    private final TextArea json = new TextArea();
    private final DesignerFields fields;
    private final DesignerSections sections;
    private final DesignerPreview preview;
    private final DesignerVersions versions;
    private FormDocument document = FormDocument.blank("form", "Form");
    private @Nullable Long draftVersion;
    private DefinitionReport report = new DefinitionReport(List.of(), List.of());

    public FormDesignerView(FormDefinitionService forms, LookupService lookups, FormRenderers renderers,
            FormDataValidator validator, AuthenticationContext authentication) {
        this.forms = forms;
        this.lookups = lookups;
        this.user = authentication.getAuthenticatedUser(KinshipUser.class).map(KinshipUser::username).orElseThrow();
        setId("form-designer");
        fields = new DesignerFields(() -> document, () -> lookups.list().stream().map(Lookup::id).toList(),
                this::documentChanged);
        sections = new DesignerSections(() -> document, this::documentChanged);
        preview = new DesignerPreview(renderers, validator);
        versions = new DesignerVersions(forms);
        json.setId("designer-json");
        json.setWidthFull();
        json.addClassName("kinship-json");
        json.setValueChangeMode(ValueChangeMode.LAZY);
        json.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                jsonEdited(event.getValue());
            }
        });
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add(getTranslation("designer.tab.fields"), fields);
        tabs.add(getTranslation("designer.tab.sections"), sections);
        tabs.add(getTranslation("designer.tab.json"), json);
        tabs.add(getTranslation("designer.tab.preview"), preview);
        tabs.add(getTranslation("designer.tab.versions"), versions);
        add(new HorizontalLayout(title, state), toolbar(), problems, tabs);
    }

    private HorizontalLayout toolbar() {
        Button save = new Button(getTranslation("designer.saveDraft"), click -> saveDraft());
        save.setId("save-draft");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button publish = new Button(getTranslation("designer.publish"), click -> new PublishDialog(forms,
                document, user, this::saveDraft, this::published).open());
        publish.setId("publish");
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = document.toJson().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), document.formId() + ".json",
                    "application/schema+json", bytes.length);
        }), getTranslation("designer.export"));
        export.setId("export");
        Button back = new Button(getTranslation("designer.back"), click -> getUI().ifPresent(ui -> ui.navigate(FormsView.class)));
        return new HorizontalLayout(save, publish, export, back);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String formId = event.getRouteParameters().get("formId").orElseThrow(NotFoundException::new);
        FormDraft draft = forms.findDraft(formId).orElseThrow(NotFoundException::new);
        load(draft);
    }

    private void load(FormDraft draft) {
        document = FormDocument.parse(draft.schemaJson());
        draftVersion = draft.version();
        title.setText(draft.schema().title());
        versions.show(document.formId());
        documentChanged();
        state.setText(getTranslation("designer.saved", draft.version()));
    }

    /** After any change: check the definition, refresh the list, the JSON and the preview. */
    void documentChanged() {
        String text = document.toJson();
        json.setValue(text);
        check(text);
    }

    private void jsonEdited(String text) {
        try {
            document = FormDocument.parse(text);
        } catch (IllegalArgumentException e) {
            problems.showNotJson(e.getMessage());
            preview.show(null);
            return;
        }
        check(text);
    }

    private void check(String text) {
        report = forms.validate(text, getLocale());
        problems.show(report);
        fields.refresh();
        sections.refresh();
        preview.show(report.valid() ? FormSchema.parse(text) : null);
        state.setText(getTranslation("designer.unsaved"));
    }

    void saveDraft() {
        try {
            load(forms.updateDraft(document.formId(), document.toJson(), draftVersion, user, getLocale()));
            notify(getTranslation("designer.draftSaved"), NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidFormDefinitionException e) {
            problems.show(e.report());
            notify(getTranslation("designer.notSaved", e.problems().size()), NotificationVariant.LUMO_ERROR);
        } catch (StaleVersionException e) {
            notify(getTranslation("designer.stale"), NotificationVariant.LUMO_ERROR);
        }
    }

    private void published(int version) {
        forms.findDraft(document.formId()).ifPresent(this::load);
        notify(getTranslation("designer.published", version), NotificationVariant.LUMO_SUCCESS);
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }

    DesignerFields fields() {
        return fields;
    }

    TextArea json() {
        return json;
    }

    DesignerSections sections() {
        return sections;
    }

    DesignerPreview preview() {
        return preview;
    }

    DesignerProblems problems() {
        return problems;
    }

    FormDocument document() {
        return document;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("designer.title") + " · " + getTranslation("app.name");
    }
}
