package org.kinship.ui.forms;

import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import org.kinship.forms.AlreadyExistsException;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormSummary;
import org.kinship.forms.InvalidFormDefinitionException;
import org.kinship.security.KinshipUser;

/** Administrators' list of forms: open one in the designer, create a new one, or import a definition file. */
@Route("admin/forms")
@RolesAllowed("ADMINISTRATOR")
public class FormsView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_IMPORT_BYTES = 1024 * 1024;

    private final FormDefinitionService forms;
    private final String user;
    private final Grid<FormSummary> grid = new Grid<>();
    private final DesignerProblems problems = new DesignerProblems();

    public FormsView(FormDefinitionService forms, AuthenticationContext authentication) {
        this.forms = forms;
        this.user = authentication.getAuthenticatedUser(KinshipUser.class).map(KinshipUser::username).orElseThrow();
        setId("forms-view");
        grid.setId("forms-grid");
        grid.addColumn(FormSummary::title).setHeader(getTranslation("forms.list.title")).setFlexGrow(2);
        grid.addColumn(FormSummary::formId).setHeader(getTranslation("forms.list.id"));
        grid.addColumn(summary -> summary.latestVersion() == null ? getTranslation("forms.list.unpublished")
                : String.valueOf(summary.latestVersion())).setHeader(getTranslation("forms.list.version"));
        grid.addItemClickListener(event -> open(event.getItem().formId()));
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("forms.list.new"), VaadinIcon.PLUS.create(), click -> openCreate());
        create.setId("new-form");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) ->
                UI.getCurrent().access(() -> importDefinition(new String(content, StandardCharsets.UTF_8)))));
        upload.setAcceptedFileTypes("application/json", "application/schema+json", ".json");
        upload.setMaxFileSize(MAX_IMPORT_BYTES);
        upload.setUploadButton(new Button(getTranslation("forms.list.import"), VaadinIcon.UPLOAD.create()));
        problems.setVisible(false);
        add(new H2(getTranslation("forms.list.heading")), new HorizontalLayout(create, upload), problems, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(forms.list());
    }

    private void open(String formId) {
        getUI().ifPresent(ui -> ui.navigate(FormDesignerView.class, new RouteParameters("formId", formId)));
    }

    /** Imports a definition file; every problem is listed and nothing is stored when it is refused. */
    void importDefinition(String json) {
        try {
            String formId = forms.importDefinition(json, user, getLocale()).formId();
            problems.setVisible(false);
            refresh();
            open(formId);
        } catch (InvalidFormDefinitionException e) {
            problems.show(e.report());
            problems.setVisible(true);
        }
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("forms.list.new"));
        TextField formId = new TextField(getTranslation("forms.list.id"));
        formId.setPattern("[a-z][a-z0-9_-]*");
        formId.setId("new-form-id");
        TextField title = new TextField(getTranslation("forms.list.title"));
        title.setId("new-form-title");
        Button save = new Button(getTranslation("designer.save"), click -> {
            try {
                forms.create(FormDocument.blank(formId.getValue().strip(), title.getValue().strip()).toJson(), user,
                        getLocale());
                dialog.close();
                open(formId.getValue().strip());
            } catch (InvalidFormDefinitionException e) {
                formId.setErrorMessage(e.problems().get(0).message());
                formId.setInvalid(true);
            } catch (AlreadyExistsException e) {
                formId.setErrorMessage(getTranslation("forms.list.exists"));
                formId.setInvalid(true);
            }
        });
        save.setId("new-form-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(formId, title));
        dialog.getFooter().add(new Button(getTranslation("designer.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    DesignerProblems problems() {
        return problems;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forms.list.heading") + " · " + getTranslation("app.name");
    }
}
