package org.kinship.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseFile;
import org.kinship.cases.CaseFileService;
import org.kinship.cases.RecordModuleService;
import org.kinship.forms.FormDefinitionService;
import org.kinship.security.DefaultRoles;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskFilter;
import org.kinship.tasks.TaskInboxService;
import org.kinship.tasks.TaskWorkService;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.ui.cases.CaseFileView;
import org.kinship.ui.cases.StandardCaseModule;
import org.kinship.ui.testing.WithKinshipUser;
import org.kinship.workflow.WorkflowOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The task inbox on the real case process: tasks reach the worker's inbox, filters and counts follow the clock,
 * completing goes through the task service (its refusal shown translated), a task opens the case at its section,
 * and a supervisor sees the team's approvals and sends work back with a comment.
 */
@PlatformIntegrationTest
class TaskInboxViewTests extends SpringBrowserlessTest {

    @Autowired
    CaseFileService cases;

    @Autowired
    RecordModuleService modules;

    @Autowired
    FormDefinitionService forms;

    @Autowired
    org.kinship.forms.LookupService lookups;

    @Autowired
    WorkflowOutbox outbox;

    @Autowired
    MutableClock clock;

    @Autowired
    TaskInboxService inbox;

    @Autowired
    TaskWorkService work;

    @Autowired
    UserAccountService accounts;

    Instant start;

    @BeforeEach
    void standardForms() {
        StandardCaseModule.use(modules, forms, lookups);
        start = clock.instant();
    }

    @AfterEach
    void resetClock() {
        clock.set(start);
    }

    @Test
    @WithKinshipUser(username = "inbox.worker", agency = "INBOXA")
    void theWorkersTasksAreFilteredCountedCompletedAndOpenTheCaseAtTheirSection() {
        CaseFile file = register("Amina", "Diallo");
        TaskInboxView view = navigate(TaskInboxView.class);
        InboxTask registration = taskOf(view.shown(), file);
        assertThat(registration.taskDefinitionKey()).isEqualTo("registration");
        var grid = test(view.grid());
        int row = view.shown().indexOf(registration);
        assertThat(grid.getCellText(row, grid.getColumnPosition("case"))).isEqualTo(file.caseNumber());
        assertThat(grid.getCellText(row, grid.getColumnPosition("step"))).isEqualTo("Registration");
        assertThat(grid.getCellText(row, grid.getColumnPosition("due"))).isEqualTo("No due date");
        assertThat(grid.getCellText(row, grid.getColumnPosition("assignee"))).isEqualTo("Test inbox.worker");
        assertThat(grid.getCellComponent(row, "actions").getChildren().map(c -> c.getId().orElse("")))
                .containsExactly("task-open-" + registration.id(), "task-complete-" + registration.id());

        view.decide(registration, TaskDialog.Kind.COMPLETE);
        $(Button.class).id("task-dialog-complete").click();

        assertThat(view.messageText()).isEqualTo("Done: Registration of case " + file.caseNumber());
        InboxTask assessment = taskOf(view.shown(), file);
        assertThat(assessment.taskDefinitionKey()).isEqualTo("initialAssessment");
        assertThat(assessment.due()).isNotNull();
        view.filter.setValue(TaskFilter.UPCOMING);
        assertThat(view.shown()).extracting(InboxTask::id).contains(assessment.id());
        view.filter.setValue(TaskFilter.OVERDUE);
        assertThat(view.shown()).extracting(InboxTask::id).doesNotContain(assessment.id());
        view.filter.setValue(TaskFilter.ALL);

        view.decide(assessment, TaskDialog.Kind.COMPLETE);
        $(Button.class).id("task-dialog-complete").click();
        assertThat($(TaskDialog.class).single().problemText())
                .isEqualTo("Fill in the section initial_assessment before completing the task");
        $(Button.class).id("task-dialog-cancel").click();
        assertThat(inbox.get(signedIn(), assessment.id()).state()).isEqualTo(org.kinship.tasks.TaskState.OPEN);

        clock.set(assessment.due().plus(Duration.ofHours(1)));
        view = navigate(TaskInboxView.class);
        view.filter.setValue(TaskFilter.OVERDUE);
        assertThat(view.shown()).extracting(InboxTask::id).containsExactly(assessment.id());
        var overdueGrid = test(view.grid());
        assertThat(overdueGrid.getCellText(0, overdueGrid.getColumnPosition("due"))).startsWith("1 h ago (");
        assertThat($(Span.class).id("nav-tasks-open").getText()).isEqualTo("1");
        assertThat($(Span.class).id("nav-tasks-overdue").getText()).isEqualTo("1");
        assertThat(view.summaryText()).isEqualTo("1 open: 1 overdue, 0 due today, 0 upcoming");

        view.open(assessment);

        assertThat($(CaseFileView.class).single()).isNotNull();
        assertThat($(TabSheet.class).id("case-tabs").getSelectedTab().getId()).hasValue("tab-initial_assessment");
        Details panel = $(Details.class).id("case-tasks");
        assertThat(panel.isOpened()).isTrue();
        assertThat($(Span.class).id("case-tasks-summary").getText()).isEqualTo("Open tasks: 1 (1 overdue)");
    }

    @Test
    @WithKinshipUser(username = "inbox.team.worker", agency = "INBOXB")
    void aSupervisorSeesTheTeamsApprovalAndSendsTheWorkBackWithAComment() {
        KinshipUser worker = signedIn();
        CaseFile file = register("Yusuf", "Okello");
        InboxTask registration = taskOf(inbox.myTasks(worker, TaskFilter.ALL, 500), file);
        work.complete(worker, registration.id(), Map.of(), Locale.ENGLISH);
        CaseFile current = cases.get(worker, file.id());
        cases.editSection(worker, file.id(), current.version(), "initial_assessment", Map.of("assessment_date",
                "2026-01-10", "protection_concerns", List.of("neglect"), "risk_level", "high"), Locale.ENGLISH);
        InboxTask assessment = taskOf(inbox.myTasks(worker, TaskFilter.ALL, 500), file);
        work.complete(worker, assessment.id(), Map.of(), Locale.ENGLISH);

        signIn(StandardCaseModule.user(accounts, "inbox.team.lead", DefaultRoles.SUPERVISOR, "INBOXB"));
        TaskInboxView view = navigate(TaskInboxView.class);
        assertThat(view.whose.isVisible()).isTrue();
        view.whose.setValue(TaskInboxView.Whose.TEAM);
        InboxTask approval = taskOf(view.shown(), file);
        assertThat(approval.approval()).isTrue();
        var grid = test(view.grid());
        int row = view.shown().indexOf(approval);
        assertThat(grid.getCellText(row, grid.getColumnPosition("step"))).isEqualTo("Approval: Initial assessment");
        assertThat(grid.getCellText(row, grid.getColumnPosition("assignee"))).isEqualTo("Any: Supervisor");

        view.decide(approval, TaskDialog.Kind.SEND_BACK);
        $(Button.class).id("task-dialog-send-back").click();
        assertThat($(TaskDialog.class).single().problemText()).isEqualTo("A comment is required to send the work back");

        $(TaskDialog.class).single().comment.setValue("Add the family's view of the neglect");
        $(Button.class).id("task-dialog-send-back").click();

        assertThat(view.messageText()).isEqualTo("Sent back: Approval: Initial assessment of case "
                + file.caseNumber());
        assertThat(view.shown()).extracting(InboxTask::id).doesNotContain(approval.id());
        assertThat(inbox.myTasks(worker, TaskFilter.ALL, 500)).filteredOn(t -> t.caseId().equals(file.id()))
                .extracting(InboxTask::taskDefinitionKey).containsExactly("initialAssessment");
    }

    @Test
    @WithKinshipUser(username = "inbox.no.team", agency = "INBOXC")
    void aCaseWorkerHasNoTeamChoice() {
        TaskInboxView view = navigate(TaskInboxView.class);

        assertThat(view.whose.isVisible()).isFalse();
        assertThat(view.shown()).isEmpty();
        assertThat($(Span.class).withId("nav-tasks-overdue").all()).isEmpty();
        assertThat($(Span.class).id("nav-tasks-open").getText()).isEqualTo("0");
    }

    private CaseFile register(String given, String family) {
        CaseFile file = cases.register(signedIn(), StandardCaseModule.MODULE,
                StandardCaseModule.child(given, family, "female"), Locale.ENGLISH);
        outbox.drain();
        return file;
    }

    private static InboxTask taskOf(List<InboxTask> tasks, CaseFile file) {
        return tasks.stream().filter(task -> task.caseId().equals(file.id())).findFirst().orElseThrow(
                () -> new AssertionError("No task of case " + file.caseNumber() + " in " + tasks));
    }

    private static void signIn(KinshipUser user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority(DefaultRoles.authority(role))).toList()));
        SecurityContextHolder.setContext(context);
    }

    private static KinshipUser signedIn() {
        return (KinshipUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
    }
}
