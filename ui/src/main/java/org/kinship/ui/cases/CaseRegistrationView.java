package org.kinship.ui.cases;

import java.time.Clock;
import java.time.LocalDate;
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
import org.kinship.forms.LookupService;
import org.kinship.forms.ValidatedData;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.PermissionService;
import org.kinship.tracing.MatchReviewService;
import org.kinship.ui.forms.FormRenderer;
import org.kinship.ui.forms.FormRenderers;

/**
 * Registers a child: the module's registration form, checked on the server against its published version
 * (every problem shown at its field) and then by the cases feature itself; on success the new case file
 * opens. Photos chosen in the form are attached to the case right after registration. Before registering valid
 * data the duplicate check ({@link DuplicateCheck}) looks for the same child among the cases within the user's
 * scope; likely duplicates are shown ({@link DuplicatesDialog}) to open one of them or to register anyway.
 */
@Route("cases/new")
@PermitAll
public class CaseRegistrationView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final CaseFileService cases;
    private final CaseAttachmentService attachmentService;
    private final FormDefinitionService forms;
    private final PermissionService permissions;
    private final Clock clock;
    private final KinshipUser user;
    private final ModuleForms moduleForms;
    private final ValueTexts values;
    private final DuplicateCheck duplicateCheck;
    private final RecordModule module;
    private final PendingAttachments attachments;
    private final MessageBar message = new MessageBar("registration-message");
    private final UnorderedList otherProblems = new UnorderedList();
    private @Nullable FormRenderer renderer;
    private @Nullable DuplicatesDialog duplicatesDialog;

    public CaseRegistrationView(CaseFileService cases, CaseAttachmentService attachmentService,
            RecordModuleService modules, FormDefinitionService forms, FormRenderers renderers, CaseSettings settings,
            PermissionService permissions, MatchReviewService matchReview, LookupService lookups, Clock clock,
            AuthenticationContext authentication) {
        this.cases = cases;
        this.attachmentService = attachmentService;
        this.forms = forms;
        this.permissions = permissions;
        this.clock = clock;
        this.user = CaseAccess.user(authentication);
        this.module = modules.list().stream().filter(m -> "case".equals(m.recordType())).findFirst().orElseThrow();
        this.attachments = new PendingAttachments(settings);
        setId("case-registration-view");
        Locale locale = getLocale();
        this.moduleForms = new ModuleForms(module, forms);
        this.values = new ValueTexts(lookups, locale, this::getTranslation);
        this.duplicateCheck = new DuplicateCheck(matchReview, cases, user, module.indexedFields(),
                module.registrationSection());
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

    /**
     * Checks the form on the server, then looks for likely duplicates: none registers the case and opens it,
     * some are shown to open one of them or to register anyway. Shows every problem otherwise.
     */
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
        otherProblems.removeAll();
        form.showProblems(List.of());
        List<DuplicateCheck.Duplicate> duplicates = duplicateCheck.find(data, LocalDate.now(clock));
        if (duplicates.isEmpty()) {
            registerNow(form, data);
            return;
        }
        duplicatesDialog = new DuplicatesDialog(duplicates, moduleForms, values, getLocale(),
                duplicate -> getUI().ifPresent(ui -> ui.navigate(CaseFileView.class,
                        new RouteParameters("caseId", duplicate.caseId()))),
                () -> registerNow(form, data));
        duplicatesDialog.open();
    }

    private void registerNow(FormRenderer form, Map<String, Object> data) {
        ModuleSection section = module.registration();
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

    /** The duplicates dialog last shown, for view tests. */
    @Nullable DuplicatesDialog duplicatesDialog() {
        return duplicatesDialog;
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
