package org.kinship.ui.admin;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.Permission.Scope;
import org.kinship.security.PermissionService;
import org.kinship.security.RoleService;
import org.kinship.workflow.WorkflowDefinition;
import org.kinship.workflow.WorkflowDeploymentService;

/**
 * Record modules (what a case file is made of): the list, and an editor per module for its sections (published
 * forms, order, labels, access per role), registration section, number pattern, indexed fields and workflow.
 * Saving goes through {@link RecordModuleService#save(KinshipUser, RecordModule)}, which checks the permission
 * ({@code form:manage} everywhere), the version and the module, and audits the change.
 */
@Route("admin/modules")
@PermitAll
public class ModulesView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final RecordModuleService modules;
    private final FormDefinitionService forms;
    private final RoleService roles;
    private final WorkflowDeploymentService workflows;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final Grid<RecordModule> grid = new Grid<>();

    public ModulesView(RecordModuleService modules, FormDefinitionService forms, RoleService roles,
            WorkflowDeploymentService workflows, PermissionService permissions, AuthenticationContext authentication) {
        this.modules = modules;
        this.forms = forms;
        this.roles = roles;
        this.workflows = workflows;
        this.permissions = permissions;
        this.user = AdminAccess.user(authentication);
        setId("modules-view");
        grid.setId("modules-grid");
        grid.addColumn(this::name).setHeader(getTranslation("admin.module.name")).setFlexGrow(2);
        grid.addColumn(RecordModule::id).setHeader(getTranslation("admin.module.id"));
        grid.addColumn(module -> module.sections().size()).setHeader(getTranslation("admin.module.sections"));
        grid.addColumn(RecordModule::numberPattern).setHeader(getTranslation("admin.module.pattern"));
        grid.addColumn(RecordModule::version).setHeader(getTranslation("admin.module.version"));
        grid.addItemClickListener(event -> openEditor(event.getItem()));
        grid.setAllRowsVisible(true);
        Button create = new Button(getTranslation("admin.module.new"), VaadinIcon.PLUS.create(),
                click -> openEditor(null));
        create.setId("new-module");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph intro = new Paragraph(getTranslation("admin.module.intro"));
        intro.addClassName("kinship-meta");
        add(new H2(getTranslation("nav.recordModules")), intro, create, grid);
    }

    /** Whether the user may configure modules: the rule the service applies on save. */
    static boolean allowed(PermissionService permissions, KinshipUser user) {
        return permissions.widestScope(user, Resource.FORM, Action.MANAGE).filter(s -> s == Scope.ALL).isPresent();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (allowed(permissions, user)) {
            refresh();
        } else {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    void refresh() {
        grid.setItems(listed());
    }

    List<RecordModule> listed() {
        return modules.list().stream().sorted(Comparator.comparing(RecordModule::id)).toList();
    }

    private String name(RecordModule module) {
        return ModuleEditor.inLanguage(module.name(), getLocale(), module.id());
    }

    /** Opens the editor on the module as stored now; {@code null} starts a new module. */
    ModuleEditor openEditor(@Nullable RecordModule module) {
        RecordModule current = module == null ? null : modules.find(module.id()).orElse(module);
        ModuleEditor editor = new ModuleEditor(modules, forms, roles.roles(), deployedWorkflows(), user, current,
                this::refresh);
        editor.open();
        return editor;
    }

    /** The keys of the deployed processes the user may see (none without {@code workflow:view}). */
    private List<String> deployedWorkflows() {
        if (!permissions.can(user, Resource.WORKFLOW, Action.VIEW)) {
            return List.of();
        }
        return workflows.latest(user).stream().map(WorkflowDefinition::key).sorted().toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.recordModules") + " · " + getTranslation("app.name");
    }
}
