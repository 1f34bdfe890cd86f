package org.kinship.ui.tasks;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.forms.LookupService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskCounts;
import org.kinship.tasks.TaskFilter;
import org.kinship.tasks.TaskInboxService;
import org.kinship.tasks.TaskWorkService;

/**
 * The task inbox: the user's open tasks and, for supervisors, their team's, from the persisted inbox projection
 * (never by loading cases), filtered overdue / due today / upcoming and sorted by due date then risk (the
 * service's order). A row opens the case at the task's section; complete, approve and send back go through the
 * task service, whose refusals are shown translated.
 */
@Route("tasks")
@PermitAll
public class TaskInboxView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    /** The most rows shown at once (the service's own limit is the same order). */
    static final int LIMIT = 500;

    /** Whose tasks are listed. */
    enum Whose {
        MINE, TEAM
    }

    private final TaskInboxService inbox;
    private final TaskWorkService work;
    private final PermissionService permissions;
    private final UserAccountService accounts;
    private final KinshipUser user;
    private final TaskTexts texts;
    private final Map<String, String> userNames = new HashMap<>();
    final RadioButtonGroup<Whose> whose = new RadioButtonGroup<>();
    final RadioButtonGroup<TaskFilter> filter = new RadioButtonGroup<>();
    private final Grid<InboxTask> grid = new Grid<>();
    private final Span summary = new Span();
    private final Span message = new Span();

    public TaskInboxView(TaskInboxService inbox, TaskWorkService work, PermissionService permissions,
            UserAccountService accounts, RecordModuleService modules, FormDefinitionService forms,
            LookupService lookups, Clock clock, AuthenticationContext authentication) {
        this.inbox = inbox;
        this.work = work;
        this.permissions = permissions;
        this.accounts = accounts;
        this.user = authentication.getAuthenticatedUser(KinshipUser.class).orElseThrow();
        Locale locale = getLocale();
        this.texts = new TaskTexts(modules, forms, lookups, this::getTranslation, locale, clock);
        setId("task-inbox-view");
        setSizeFull();

        whose.setId("task-whose");
        whose.setItems(Whose.values());
        whose.setItemLabelGenerator(w -> getTranslation("tasks.whose." + w.name().toLowerCase(Locale.ROOT)));
        whose.setValue(Whose.MINE);
        whose.setVisible(hasTeam());
        whose.addValueChangeListener(change -> refresh());
        filter.setId("task-filter");
        filter.setItems(TaskFilter.values());
        filter.setItemLabelGenerator(f -> getTranslation("tasks.filter." + f.name().toLowerCase(Locale.ROOT)));
        filter.setValue(TaskFilter.ALL);
        filter.addValueChangeListener(change -> refresh());
        summary.setId("task-summary");
        message.setId("task-message");
        message.getElement().setAttribute("role", "status");
        message.setVisible(false);

        grid.setId("task-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(task -> task.caseNumber() == null ? "" : task.caseNumber()).setKey("case")
                .setHeader(getTranslation("tasks.column.case")).setAutoWidth(true);
        grid.addColumn(texts::step).setKey("step").setHeader(getTranslation("tasks.column.step")).setFlexGrow(2);
        grid.addColumn(task -> texts.due(task.due())).setKey("due").setHeader(getTranslation("tasks.column.due"))
                .setFlexGrow(2);
        grid.addComponentColumn(task -> texts.riskBadge(task.riskLevel())).setKey("risk")
                .setHeader(getTranslation("tasks.column.risk")).setAutoWidth(true);
        grid.addComponentColumn(texts::overdueBadge).setKey("overdue")
                .setHeader(getTranslation("tasks.column.overdue")).setAutoWidth(true);
        grid.addColumn(this::assignee).setKey("assignee").setHeader(getTranslation("tasks.column.assignee"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("tasks.column.actions"))
                .setAutoWidth(true);

        HorizontalLayout title = new HorizontalLayout(new H2(getTranslation("tasks.title")), summary);
        title.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        HorizontalLayout choices = new HorizontalLayout(whose, filter);
        choices.setWrap(true);
        add(title, choices, message, grid);
        expand(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!permissions.can(user, Resource.CASE, Action.VIEW)) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        QueryParameters query = event.getLocation().getQueryParameters();
        query.getSingleParameter("filter").flatMap(TaskInboxView::parse).ifPresent(filter::setValue);
        query.getSingleParameter("team").filter(t -> "true".equals(t) && hasTeam())
                .ifPresent(t -> whose.setValue(Whose.TEAM));
        refresh();
    }

    private static java.util.Optional<TaskFilter> parse(String value) {
        try {
            return java.util.Optional.of(TaskFilter.parse(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    /** A supervisor's approval scope reaches a group or an agency: their team. */
    private boolean hasTeam() {
        RecordScope.Level level = permissions.scopeFor(user, Resource.CASE, Action.APPROVE).level();
        return level == RecordScope.Level.GROUP || level == RecordScope.Level.AGENCY
                || level == RecordScope.Level.ALL;
    }

    /** Reads the list and the counts again. */
    void refresh() {
        TaskFilter chosen = filter.getValue() == null ? TaskFilter.ALL : filter.getValue();
        List<InboxTask> tasks = whose.getValue() == Whose.TEAM ? inbox.teamTasks(user, chosen, LIMIT)
                : inbox.myTasks(user, chosen, LIMIT);
        grid.setItems(tasks);
        TaskCounts counts = inbox.counts(user);
        summary.setText(whose.getValue() == Whose.TEAM
                ? getTranslation("tasks.summary.team", tasks.size(), counts.teamOverdue())
                : getTranslation("tasks.summary.mine", counts.open(), counts.overdue(), counts.dueToday(),
                        counts.upcoming()));
    }

    private String assignee(InboxTask task) {
        if (task.assignee() != null) {
            return userNames.computeIfAbsent(task.assignee(),
                    id -> accounts.findById(id).map(UserAccount::displayName).orElse(id));
        }
        return getTranslation("tasks.assignee.roles", task.candidateRoles().stream()
                .map(role -> getTranslation("role." + role)).sorted().reduce((a, b) -> a + ", " + b).orElse(""));
    }

    private HorizontalLayout actions(InboxTask task) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(true);
        Button open = new Button(getTranslation("tasks.open"), click -> open(task));
        open.setId("task-open-" + task.id());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        actions.add(open);
        if (task.formKey() != null && task.formKey().startsWith("record:")) {
            return actions;
        }
        if (task.approval()) {
            Button approve = new Button(getTranslation("tasks.approve"),
                    click -> decide(task, TaskDialog.Kind.APPROVE));
            approve.setId("task-approve-" + task.id());
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            Button sendBack = new Button(getTranslation("tasks.sendBack"),
                    click -> decide(task, TaskDialog.Kind.SEND_BACK));
            sendBack.setId("task-send-back-" + task.id());
            sendBack.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(approve, sendBack);
        } else {
            Button complete = new Button(getTranslation("tasks.complete"),
                    click -> decide(task, TaskDialog.Kind.COMPLETE));
            complete.setId("task-complete-" + task.id());
            complete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(complete);
        }
        return actions;
    }

    /** Opens the dialog to complete, approve or send back a task (what its row's buttons do). */
    void decide(InboxTask task, TaskDialog.Kind kind) {
        new TaskDialog(work, user, texts, task, kind, done -> {
            showMessage(getTranslation("tasks.done." + kind.name().toLowerCase(Locale.ROOT), texts.step(task),
                    task.caseNumber() == null ? "" : task.caseNumber()), false);
            refresh();
        }).open();
    }

    /** Opens the case file at the task's section. */
    void open(InboxTask task) {
        getUI().ifPresent(ui -> TaskLinks.openCase(ui, task.caseId(), TaskLinks.section(task)));
    }

    private void showMessage(String text, boolean error) {
        message.setText(text);
        message.getElement().getThemeList().clear();
        message.getElement().getThemeList().add("badge");
        message.getElement().getThemeList().add(error ? "error" : "success");
        message.setVisible(true);
    }

    /** For view tests. */
    Grid<InboxTask> grid() {
        return grid;
    }

    List<InboxTask> shown() {
        return grid.getGenericDataView().getItems().toList();
    }

    String summaryText() {
        return summary.getText();
    }

    @Nullable String messageText() {
        return message.isVisible() ? message.getText() : null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tasks.title") + " · " + getTranslation("app.name");
    }
}
