package org.kinship.ui.tasks;

import java.time.Clock;
import java.util.Locale;
import java.util.function.Consumer;

import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.KinshipUser;
import org.kinship.security.PermissionService;
import org.kinship.tasks.TaskInboxService;
import org.kinship.workflow.ServiceLevelService;
import org.springframework.stereotype.Component;

/** Makes the case file's {@link CaseTasksPanel} (the case view only needs this one bean for it). */
@Component
public class CaseTaskPanels {

    private final TaskInboxService inbox;
    private final ServiceLevelService serviceLevels;
    private final PermissionService permissions;
    private final RecordModuleService modules;
    private final FormDefinitionService forms;
    private final LookupService lookups;
    private final Clock clock;

    public CaseTaskPanels(TaskInboxService inbox, ServiceLevelService serviceLevels, PermissionService permissions,
            RecordModuleService modules, FormDefinitionService forms, LookupService lookups, Clock clock) {
        this.inbox = inbox;
        this.serviceLevels = serviceLevels;
        this.permissions = permissions;
        this.modules = modules;
        this.forms = forms;
        this.lookups = lookups;
        this.clock = clock;
    }

    /**
     * The open tasks and due dates of one case the user may see.
     *
     * @param openSection selects a section of the case file (the task's "go to section")
     */
    public CaseTasksPanel create(KinshipUser user, String caseId, Locale locale, Consumer<String> openSection) {
        return new CaseTasksPanel(this, user, caseId, locale, openSection);
    }

    TaskTexts texts(TaskTexts.Translator text, Locale locale) {
        return new TaskTexts(modules, forms, lookups, text, locale, clock);
    }

    TaskInboxService inbox() {
        return inbox;
    }

    ServiceLevelService serviceLevels() {
        return serviceLevels;
    }

    PermissionService permissions() {
        return permissions;
    }
}
