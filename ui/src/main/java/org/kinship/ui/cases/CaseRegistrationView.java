package org.kinship.ui.cases;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseRequestRefusedException;
import org.kinship.cases.CaseSettings;
import org.kinship.cases.CaseVersionConflictException;
import org.kinship.cases.FieldProblem;
import org.kinship.cases.InvalidCaseDataException;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.FormProblem;
import org.kinship.forms.FormVersionRef;
import org.kinship.forms.ValidatedData;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.PermissionService;
import org.kinship.ui.forms.FormRenderer;
import org.kinship.ui.forms.FormRenderers;

/**
 * Registers a child: the module's registration form, checked on the server against its published version
 * (every problem shown at its field) and then by the cases feature itself; on success the new case file
 * opens. Photos chosen in the form are attached to the case right after registration.
 */
@Route("cases/new")
@PermitAll
public class CaseRegistrationView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final CaseFileService cases;
    private final CaseAttachmentService attachmentService;
    private final FormDefinitionService forms;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final RecordModule module;
    private final PendingAttachments attachments;
    private final MessageBar message = new MessageBar("registration-message");
    private final UnorderedList otherProblems = new UnorderedList();
    private @Nullable FormRenderer renderer;

    public CaseRegistrationView(CaseFileService cases, CaseAttachmentService attachmentService,
            RecordModuleService modules, FormDefinitionService forms, FormRenderers renderers, CaseSettings settings,
            PermissionService permissions, AuthenticationContext authentication) {
        this.cases = cases;
        this.attachmentService = attachmentService;
        this.forms = forms;
        this.permissions = permissions;
        this.user = CaseAccess.user(authentication);
        this.module = modules.list().stream().filter(m -> "case".equals(m.recordType())).findFirst().orElseThrow();
        this.attachments = new PendingAttachments(settings);
        setId("case-registration-view");
        Locale locale = getLocale();
        ModuleForms moduleForms = new ModuleForms(module, forms);
        add(new H2(getTranslation("cases.registration.title",
                module.name().getOrDefault(locale.getLanguage(), module.name().getOrDefault("en", module.id())))),
                message);
        otherProblems.setId("registration-problems");
        Optional<org.kinship.forms.FormSchema> schema = moduleForms.registration();
        if (schema.isEmpty()) {
            message.error(getTranslation("cases.section.notPublished", module.registration().formId()));
            return;
        }
        renderer = renderers.render(schema.get(), locale, attachments);
        renderer.setId("registration-form");
        Button save = new Button(getTranslation("cases.registration.save"), click -> register());
        save.setId("register-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("cases.cancel"),
                click -> getUI().ifPresent(ui -> ui.navigate(CaseListView.class)));
        cancel.setId("register-cancel");
        add(renderer, otherProblems, new HorizontalLayout(save, cancel));
    }

    /** Checks the form on the server, registers the case and opens it; shows every problem otherwise. */
    void register() {
        FormRenderer form = renderer;
        if (form == null) {
            return;
        }
        message.clear();
        Map<String, Object> data = form.getData();
        ModuleSection section = module.registration();
        ValidatedData checked = forms.validateData(new FormVersionRef(section.formId(), section.formVersion()), data,
                null, getLocale());
        if (!checked.valid()) {
            showProblems(form, checked.problems());
            return;
        }
        CaseFile file;
        try {
            file = cases.register(user, module.id(), attachments.withoutPending(data), getLocale());
        } catch (InvalidCaseDataException e) {
            showProblems(form, e.problems().stream().map(CaseRegistrationView::asFormProblem).toList());
            return;
        } catch (CaseRequestRefusedException e) {
            message.refused(e);
            return;
        }
        Map<String, Object> stored = attachments.attachTo(attachmentService, user, file.id(), data);
        if (!stored.isEmpty()) {
            try {
                cases.editSection(user, file.id(), file.version() + stored.size(), section.id(), stored, getLocale());
            } catch (CaseVersionConflictException someoneWasQuicker) {
                cases.editSection(user, file.id(), someoneWasQuicker.currentVersion(), section.id(), stored,
                        getLocale());
            }
        }
        String id = file.id();
        getUI().ifPresent(ui -> ui.navigate(CaseFileView.class, new RouteParameters("caseId", id)));
    }

    private void showProblems(FormRenderer form, List<FormProblem> problems) {
        List<FormProblem> unplaced = form.showProblems(problems);
        otherProblems.removeAll();
        unplaced.forEach(problem -> otherProblems.add(new ListItem(problem.message())));
        message.error(getTranslation("cases.invalidData"));
    }

    static FormProblem asFormProblem(FieldProblem problem) {
        return new FormProblem(problem.path(), "cases.invalidData", problem.message());
    }

    @Nullable FormRenderer renderer() {
        return renderer;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        CaseAccess.allowedOrHidden(event, permissions, user, Action.CREATE);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cases.register");
    }
}
