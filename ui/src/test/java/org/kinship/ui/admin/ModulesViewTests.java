package org.kinship.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.audit.AuditActions;
import org.kinship.audit.AuditLog;
import org.kinship.audit.AuditQuery;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.cases.SectionAccess;
import org.kinship.i18n.Messages;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.forms.FormDefinitionService;
import org.kinship.ui.shell.NotFoundView;
import org.kinship.ui.testing.WithKinshipUser;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformIntegrationTest
class ModulesViewTests extends SpringBrowserlessTest {

    private static final String INTAKE = "module_tests_intake";
    private static final String ASSESSMENT = "module_tests_assessment";

    @Autowired
    FormDefinitionService forms;

    @Autowired
    RecordModuleService modules;

    @Autowired
    UserAccountService accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    Messages messages;

    /** Published forms of their own: the shared ui test context must not get lookups or forms other tests set up. */
    @BeforeEach
    void forms() {
        for (String formId : List.of(INTAKE, ASSESSMENT)) {
            if (forms.latestVersion(formId).isEmpty()) {
                forms.importDefinition(form(formId), "modules-tests", Locale.ENGLISH);
                forms.publish(formId, "modules-tests", Locale.ENGLISH);
            }
        }
    }

    private static String form(String formId) {
        String label = "{\"en\": \"%s\", \"fr\": \"%s\", \"es\": \"%s\", \"ar\": \"%s\"}".formatted(formId, formId,
                formId, formId);
        return """
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "%1$s", "type": "object",
                 "x-kinship": {"formId": "%1$s", "recordType": "case", "order": 1, "label": %2$s,
                   "sections": [{"id": "main", "label": %2$s}]},
                 "properties": {
                   "given_name": {"type": "string", "maxLength": 200,
                     "x-kinship": {"kind": "short_text", "section": "main", "order": 1, "label": %2$s}},
                   "sex": {"type": "string", "maxLength": 20,
                     "x-kinship": {"kind": "short_text", "section": "main", "order": 2, "label": %2$s}}},
                 "required": []}
                """.formatted(formId, label);
    }

    @Test
    @WithKinshipUser(username = "modules.admin", role = DefaultRoles.ADMINISTRATOR, agency = "MODS")
    void anAdministratorComposesAModuleFromPublishedFormsWithAccessPerRoleAndAPreviewedNumber() {
        navigate(ModulesView.class);
        assertThat($(SideNav.class).single().getItems()).extracting(SideNavItem::getLabel).contains("Case modules");
        ModulesView view = (ModulesView) getCurrentView();
        assertThat(view.listed()).extracting(RecordModule::id).contains("child-protection");

        ModuleEditor editor = view.openEditor(null);
        editor.id.setValue("foster-care");
        editor.name.setValue("Foster care");
        ModuleEditor.SectionRow assessment = editor.addSection(ASSESSMENT);
        ModuleEditor.SectionRow registration = editor.addSection(INTAKE);
        editor.move(registration, -1);
        assertThat(editor.rows).extracting(r -> r.id).containsExactly(INTAKE, ASSESSMENT);
        editor.registration.setValue(INTAKE);
        editor.setAccess(assessment, DefaultRoles.REFERRAL_RECIPIENT, SectionAccess.HIDDEN);
        editor.setAccess(registration, DefaultRoles.REFERRAL_RECIPIENT, SectionAccess.READ);
        editor.workflow.clear();

        editor.pattern.setValue("FC-{agnecy}-{seq:4}");
        assertThat(editor.pattern.isInvalid()).isTrue();
        assertThat(editor.pattern.getErrorMessage()).contains("{agnecy}");
        editor.pattern.setValue("FC-{agency}-{seq:4}");
        assertThat(editor.pattern.isInvalid()).isFalse();
        assertThat(editor.previewText()).isEqualTo("Next number: FC-MODS-0001");

        assertThat(editor.save()).as(editor.errorText()).isTrue();

        RecordModule saved = modules.find("foster-care").orElseThrow();
        assertThat(saved.name()).containsEntry("en", "Foster care");
        assertThat(saved.registrationSection()).isEqualTo(INTAKE);
        assertThat(saved.numberPattern()).isEqualTo("FC-{agency}-{seq:4}");
        assertThat(saved.workflow()).isNull();
        assertThat(saved.sections()).extracting(ModuleSection::id).containsExactly(INTAKE, ASSESSMENT);
        assertThat(saved.section(ASSESSMENT).orElseThrow().accessFor(DefaultRoles.REFERRAL_RECIPIENT))
                .isEqualTo(SectionAccess.HIDDEN);
        assertThat(saved.section(INTAKE).orElseThrow().accessFor(DefaultRoles.REFERRAL_RECIPIENT))
                .isEqualTo(SectionAccess.READ);
        assertThat(saved.section(INTAKE).orElseThrow().accessFor(DefaultRoles.CASE_WORKER))
                .isEqualTo(SectionAccess.EDIT);
        assertThat(audit.search(new AuditQuery("modules.admin", AuditActions.CONFIG_CHANGE, "record_module",
                "foster-care", null, null), 0, 5).entries()).hasSize(1);
    }

    @Test
    @WithKinshipUser(username = "modules.refused", role = DefaultRoles.ADMINISTRATOR, agency = "MODS")
    void theServicesRefusalsAreShownNextToTheirFieldAndNothingIsStored() {
        ModuleEditor editor = navigate(ModulesView.class).openEditor(null);
        editor.id.setValue("twice-registered");
        editor.name.setValue("Twice");
        editor.addSection(INTAKE);
        ModuleEditor.SectionRow second = editor.addSection(ASSESSMENT);
        second.id = INTAKE;

        assertThat(editor.save()).isFalse();
        assertThat(editor.sectionsError.getText())
                .isEqualTo(messages.get(Locale.ENGLISH, "cases.module.duplicateSection"));
        assertThat(modules.find("twice-registered")).isEmpty();

        second.id = "plan";
        editor.id.setValue("child-protection");
        assertThat(editor.save()).isFalse();
        assertThat(editor.id.isInvalid()).isTrue();
        assertThat(editor.id.getErrorMessage()).contains("already a module");
    }

    @Test
    @WithKinshipUser(username = "modules.second", role = DefaultRoles.ADMINISTRATOR, agency = "MODS")
    void aConcurrentChangeIsReportedAndTheEditsAreKeptUntilTheAdministratorChooses() {
        KinshipUser other = KinshipUser.of(accounts.findByUsername("admin").orElseThrow());
        RecordModule module = modules.save(other, new RecordModule("shared-module", "case", Map.of("en", "Shared"),
                List.of(new ModuleSection("intake", INTAKE, ModuleSection.LATEST, 1, Map.of())),
                "intake", "SH-{seq}", null, org.kinship.cases.IndexedFields.standard(), 0));
        ModulesView view = navigate(ModulesView.class);
        ModuleEditor editor = view.openEditor(module);
        editor.name.setValue("Shared, renamed by me");
        modules.save(other, new RecordModule(module.id(), module.recordType(), module.name(), module.sections(),
                module.registrationSection(), "SH-{year}-{seq}", null, module.indexedFields(), module.version()));

        assertThat(editor.save()).isFalse();
        assertThat(editor.conflictText()).contains("Someone else saved this module", "version 1");
        assertThat(editor.name.getValue()).isEqualTo("Shared, renamed by me");
        assertThat(modules.find("shared-module").orElseThrow().name()).containsEntry("en", "Shared");

        assertThat(editor.saveOver()).isTrue();
        RecordModule stored = modules.find("shared-module").orElseThrow();
        assertThat(stored.name()).containsEntry("en", "Shared, renamed by me");
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    @WithKinshipUser(username = "modules.worker", agency = "MODS")
    void aCaseWorkerHasNoModuleScreen() {
        com.vaadin.flow.component.UI.getCurrent().navigate("admin/modules");
        assertThat(getCurrentView()).isInstanceOf(NotFoundView.class);
        navigate(org.kinship.ui.shell.HomeView.class);
        assertThat($(SideNav.class).single().getItems()).extracting(SideNavItem::getLabel)
                .doesNotContain("Case modules");
    }
}
