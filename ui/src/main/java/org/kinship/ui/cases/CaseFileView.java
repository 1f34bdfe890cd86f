package org.kinship.ui.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseAttachmentService;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CaseSettings;
import org.kinship.cases.CaseView;
import org.kinship.cases.ModuleSection;
import org.kinship.cases.RecordModule;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.PermissionService;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.kinship.ui.forms.FormRenderers;
import org.kinship.ui.tasks.CaseTaskPanels;
import org.kinship.ui.tasks.CaseTasksPanel;
import org.kinship.ui.tasks.TaskLinks;

/**
 * A child's case file: the header, then one tab per section of the module (generated from its published
 * form; hidden sections are left out, read-only ones cannot be edited), notes, flags, attachments and
 * history; close and reopen. A case that does not exist or is outside the user's scope shows the not-found
 * page, exactly like an unknown address.
 */
@Route("cases/:caseId")
@PermitAll
public class CaseFileView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final CaseFileService cases;
    private final CaseAttachmentService attachments;
    private final RecordModuleService modules;
    private final FormDefinitionService forms;
    private final FormRenderers renderers;
    private final LookupService lookups;
    private final CaseSettings settings;
    private final SectionAccess sectionAccess;
    private final PermissionService permissions;
    private final UserAccountService accounts;
    private final Clock clock;
    private final CaseTaskPanels taskPanels;
    private final KinshipUser user;
    private final Map<String, String> userNames = new HashMap<>();
    private final Map<String, SectionPanel> sections = new LinkedHashMap<>();
    private final MessageBar message = new MessageBar("case-message");
    private TabSheet tabs = new TabSheet();
    private Button statusButton = new Button();
    private @Nullable CaseContext context;
    private @Nullable CaseHeader header;
    private @Nullable NotesPanel notes;
    private @Nullable FlagsPanel flags;
    private @Nullable AttachmentsPanel files;
    private @Nullable HistoryPanel history;
    private @Nullable CaseFile file;
    private @Nullable CaseTasksPanel tasksPanel;

    public CaseFileView(CaseFileService cases, CaseAttachmentService attachments, RecordModuleService modules,
            FormDefinitionService forms, FormRenderers renderers, LookupService lookups, CaseSettings settings,
            SectionAccess sectionAccess, PermissionService permissions, UserAccountService accounts, Clock clock,
            CaseTaskPanels taskPanels, AuthenticationContext authentication) {
        this.taskPanels = taskPanels;
        this.cases = cases;
        this.attachments = attachments;
        this.modules = modules;
        this.forms = forms;
        this.renderers = renderers;
        this.lookups = lookups;
        this.settings = settings;
        this.sectionAccess = sectionAccess;
        this.permissions = permissions;
        this.accounts = accounts;
        this.clock = clock;
        this.user = CaseAccess.user(authentication);
        setId("case-file-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!CaseAccess.allowedOrHidden(event, permissions, user, Action.VIEW)) {
            return;
        }
        String caseId = event.getRouteParameters().get("caseId").orElse("");
        Optional<CaseView> found;
        try {
            found = Optional.of(cases.view(user, caseId));
        } catch (CaseNotFoundException e) {
            found = Optional.empty();
        }
        Optional<RecordModule> module = found.flatMap(f -> modules.find(f.file().module()));
        if (found.isEmpty() || module.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        build(found.get(), module.get());
        event.getLocation().getQueryParameters().getSingleParameter(TaskLinks.SECTION).ifPresent(this::openSection);
    }

    /** Selects a section's tab (a task opens the case at its section); an unknown or hidden one is ignored. */
    private void openSection(String sectionId) {
        SectionPanel panel = sections.get(sectionId);
        if (panel != null) {
            tabs.setSelectedTab(tabs.getTab(panel));
        }
    }

    private void build(CaseView openedView, RecordModule module) {
        CaseFile opened = openedView.file();
        removeAll();
        sections.clear();
        tabs = new TabSheet();
        Locale locale = getLocale();
        ModuleForms moduleForms = new ModuleForms(module, forms);
        ValueTexts values = new ValueTexts(lookups, locale, this::getTranslation);
        DateTimeFormatter dateTime = CaseFiles.dateTime(locale);
        CaseContext shared = new CaseContext(cases, attachments, forms, renderers, settings, user, locale, moduleForms,
                values, this::userName, dateTime, message, this::showChanged);
        context = shared;
        header = new CaseHeader(moduleForms, values, attachments, user, this::userName);
        statusButton = new Button();
        statusButton.setId("case-status-button");
        statusButton.addClickListener(click -> new CaseStatusDialog(shared, current()).open());
        HorizontalLayout top = new HorizontalLayout(header, statusButton);
        top.setWidthFull();
        top.expand(header);
        top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
        tabs.setId("case-tabs");
        tabs.setWidthFull();
        for (ModuleSection section : module.sections()) {
            SectionMode mode = SectionAccess.modeOf(openedView, section.id());
            if (mode == SectionMode.HIDDEN) {
                continue;
            }
            String label = moduleForms.label(section, locale.getLanguage());
            Component content = moduleForms.schema(section).<Component>map(schema -> {
                SectionPanel panel = new SectionPanel(shared, section, schema, opened, mode,
                        SectionAccess.maskedOf(openedView, section.id()));
                sections.put(section.id(), panel);
                return panel;
            }).orElseGet(() -> new Paragraph(getTranslation("cases.section.notPublished", section.formId())));
            tabs.add(new Tab(label), content).setId("tab-" + section.id());
        }
        notes = new NotesPanel(shared, opened);
        flags = new FlagsPanel(shared, opened);
        files = new AttachmentsPanel(shared, opened);
        history = new HistoryPanel(shared);
        tabs.add(new Tab(getTranslation("cases.tab.notes")), notes).setId("tab-notes");
        tabs.add(new Tab(getTranslation("cases.tab.flags")), flags).setId("tab-flags");
        tabs.add(new Tab(getTranslation("cases.tab.attachments")), files).setId("tab-attachments");
        tabs.add(new Tab(getTranslation("cases.tab.history")), history).setId("tab-history");
        tabs.addSelectedChangeListener(change -> showSelected());
        tasksPanel = taskPanels.create(user, opened.id(), locale, this::openSection);
        add(top, message, tasksPanel, tabs);
        show(openedView);
        showSelected();
    }

    /**
     * Shows a case version everywhere after a save here, or one read after a conflict: read again as a
     * {@link CaseView} for the access per section and the masked fields (a value just written to a sensitive
     * field is masked from now on for a user without {@code case:view_sensitive}).
     */
    private void showChanged(CaseFile changed) {
        show(cases.view(user, changed.id()));
    }

    private void show(CaseView currentView) {
        CaseFile current = currentView.file();
        file = current;
        boolean mayEdit = sectionAccess.mayEdit(user, current);
        RecordModule module = Objects.requireNonNull(context).moduleForms().module();
        String registration = module.registrationSection();
        Objects.requireNonNull(header).show(current, currentView.section(registration).isEmpty(),
                SectionAccess.maskedOf(currentView, registration), getLocale(), LocalDate.now(clock),
                context.dateTime());
        statusButton.setText(getTranslation(current.isOpen() ? "cases.close" : "cases.reopen"));
        statusButton.setVisible(sectionAccess.mayClose(user, current));
        sections.forEach((id, panel) -> panel.show(current, SectionAccess.modeOf(currentView, id),
                SectionAccess.maskedOf(currentView, id)));
        Objects.requireNonNull(notes).show(current, mayEdit);
        Objects.requireNonNull(flags).show(current, mayEdit);
        Objects.requireNonNull(files).show(current, mayEdit && current.isOpen());
        if (tabs.getSelectedTab() != null && tabs.getComponent(tabs.getSelectedTab()) == history) {
            history.show(current);
        }
    }

    private void showSelected() {
        Tab selected = tabs.getSelectedTab();
        Component content = selected == null ? null : tabs.getComponent(selected);
        if (content instanceof SectionPanel panel) {
            panel.render();
        } else if (content == history && file != null) {
            Objects.requireNonNull(history).show(file);
        }
    }

    private CaseFile current() {
        return Objects.requireNonNull(file);
    }

    private String userName(String userId) {
        return userNames.computeIfAbsent(userId, id -> accounts.findById(id).map(UserAccount::displayName).orElse(id));
    }

    /** Parts of the open case file, for view tests. */
    @Nullable SectionPanel section(String sectionId) {
        return sections.get(sectionId);
    }

    TabSheet tabs() {
        return tabs;
    }

    @Nullable NotesPanel notes() {
        return notes;
    }

    @Nullable FlagsPanel flags() {
        return flags;
    }

    @Nullable AttachmentsPanel attachments() {
        return files;
    }

    @Nullable HistoryPanel history() {
        return history;
    }

    @Nullable CaseFile file() {
        return file;
    }

    @Nullable CaseTasksPanel tasksPanel() {
        return tasksPanel;
    }

    @Override
    public String getPageTitle() {
        return file == null ? getTranslation("cases.list.title") : file.caseNumber();
    }
}
