package org.kinship.ui.tasks;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskInboxService;
import org.kinship.workflow.CaseDueDates;
import org.kinship.workflow.ServiceLevelService;
import org.kinship.workflow.TargetOverride;

/**
 * The case file's open tasks (step, due date, overdue flag, a link to the section) and its due dates with their
 * source: the risk level's targets or the child's own, which a permitted worker changes here with a reason.
 */
public class CaseTasksPanel extends Details {

    private final TaskInboxService inbox;
    private final ServiceLevelService serviceLevels;
    private final PermissionService permissions;
    private final KinshipUser user;
    private final String caseId;
    private final TaskTexts texts;
    private final Consumer<String> openSection;
    private final VerticalLayout content = new VerticalLayout();
    private final Span summary = new Span();
    private List<InboxTask> tasks = List.of();
    private @Nullable CaseDueDates dueDates;

    CaseTasksPanel(CaseTaskPanels services, KinshipUser user, String caseId, Locale locale,
            Consumer<String> openSection) {
        this.inbox = services.inbox();
        this.serviceLevels = services.serviceLevels();
        this.permissions = services.permissions();
        this.user = user;
        this.caseId = caseId;
        this.texts = services.texts(this::getTranslation, locale);
        this.openSection = openSection;
        setId("case-tasks");
        addClassName("kinship-case-tasks");
        summary.setId("case-tasks-summary");
        setSummary(summary);
        content.setPadding(false);
        content.setSpacing(false);
        add(content);
        setWidthFull();
        refresh();
    }

    /** Reads the open tasks and the due dates again. */
    public void refresh() {
        tasks = inbox.caseTasks(user, caseId);
        try {
            dueDates = serviceLevels.dueDates(user, caseId);
        } catch (RuntimeException refused) {
            dueDates = null;
        }
        long overdue = tasks.stream().filter(texts::overdue).count();
        summary.setText(getTranslation("tasks.case.summary", tasks.size(), overdue));
        summary.getElement().getThemeList().clear();
        if (overdue > 0) {
            summary.getElement().getThemeList().add("badge");
            summary.getElement().getThemeList().add("error");
        }
        setOpened(overdue > 0 || isOpened());
        content.removeAll();
        if (tasks.isEmpty()) {
            content.add(new Span(getTranslation("tasks.case.none")));
        }
        for (InboxTask task : tasks) {
            Span step = new Span(texts.step(task));
            step.getStyle().set("font-weight", "600");
            Span due = new Span(texts.due(task.due()));
            due.setId("case-task-due-" + task.taskDefinitionKey());
            HorizontalLayout line = new HorizontalLayout(step, due, texts.overdueBadge(task));
            line.setId("case-task-" + task.taskDefinitionKey());
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            line.setWrap(true);
            String section = TaskLinks.section(task);
            if (section != null) {
                Button go = new Button(getTranslation("tasks.case.openSection"), VaadinIcon.ARROW_FORWARD.create(),
                        click -> openSection.accept(section));
                go.setId("case-task-open-" + task.taskDefinitionKey());
                go.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                line.add(go);
            }
            content.add(line);
        }
        CaseDueDates dates = dueDates;
        if (dates != null) {
            Span targets = new Span(getTranslation("tasks.case.targets", texts.dateTime(dates.assessmentDue()),
                    texts.dateTime(dates.casePlanDue())));
            targets.setId("case-targets");
            HorizontalLayout line = new HorizontalLayout(targets);
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            line.setWrap(true);
            TargetOverride override = dates.override();
            Span source = new Span(override == null ? getTranslation("tasks.case.targets.risk", texts.risk(
                    dates.riskLevel())) : getTranslation("tasks.case.targets.override", override.reason()));
            source.setId("case-targets-source");
            source.getStyle().set("color", "var(--lumo-secondary-text-color)");
            line.add(source);
            if (permissions.can(user, Resource.CASE, Action.OVERRIDE_TARGET)) {
                Button change = new Button(getTranslation("tasks.case.override"), VaadinIcon.CLOCK.create(),
                        click -> new TargetOverrideDialog(serviceLevels, user, dates, texts, this::refresh).open());
                change.setId("case-targets-override");
                change.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                line.add(change);
            }
            content.add(line);
        }
    }

    /** For view tests. */
    List<InboxTask> tasks() {
        return tasks;
    }

    @Nullable CaseDueDates dueDates() {
        return dueDates;
    }
}
