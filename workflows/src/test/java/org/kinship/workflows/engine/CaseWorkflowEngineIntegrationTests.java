package org.kinship.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RuntimeService;
import org.flowable.job.api.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kinship.cases.CaseTestUsers;
import org.kinship.cases.RecordModuleService;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccountService;
import org.kinship.testing.MutableClock;
import org.kinship.testing.PlatformIntegrationTest;
import org.kinship.workflow.WorkflowOutbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The engine as the platform drives it, through the REST API, on the real {@code childProtectionCase} process:
 * registration starts the process once (outbox), tasks reach the inbox, the application clock (shared with
 * Flowable's) makes them overdue, supervisors are notified, completion needs a valid section, approvals go to
 * supervisors. Never sleeps: moves the {@link MutableClock} and fires due timers by hand.
 */
@PlatformIntegrationTest
class CaseWorkflowEngineIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    UserAccountService accounts;

    @Autowired
    RecordModuleService modules;

    @Autowired
    org.kinship.forms.FormDefinitionService forms;

    @Autowired
    org.kinship.forms.LookupService lookups;

    @Autowired
    WorkflowOutbox outbox;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    MongoDatabase database;

    @Autowired
    MutableClock clock;

    InboxApi api;
    KinshipUser worker;
    KinshipUser supervisor;
    KinshipUser otherSupervisor;

    @BeforeEach
    void setUp() {
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        EngineTestModule.install(modules, forms, lookups);
        api = new InboxApi(port);
        CaseTestUsers users = new CaseTestUsers(accounts);
        worker = users.worker("WFE");
        supervisor = users.supervisor("WFE");
        otherSupervisor = users.supervisor("WFX");
    }

    @Test
    void aHighRiskCaseStartsItsProcessOnceAndItsAssessmentBecomesOverdueAfter24HoursWithTheSupervisorNotified() {
        Instant registeredAt = clock.instant();
        String caseId = api.register(worker, "high");

        outbox.drain();
        outbox.drain();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isOne();
        assertThat(pendingCommands(caseId)).isEmpty();

        // a crash after the start but before the command left the case: the retry starts nothing
        database.getCollection("cases").updateOne(new Document("_id", caseId), Updates.combine(Updates.push("outbox",
                new Document("_id", "replayed-command").append("type", "startWorkflow").append("caseId", caseId)
                        .append("process", "childProtectionCase").append("createdAt", java.util.Date.from(registeredAt))),
                Updates.set("outboxPending", true)));
        assertThat(pendingCommands(caseId)).hasSize(1);
        outbox.drain();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isOne();
        assertThat(pendingCommands(caseId)).isEmpty();

        api.completeStep(worker, caseId, "registration", Map.of());
        JsonNode assessment = api.task(worker, caseId, "initialAssessment");
        assertThat(Instant.parse(assessment.path("due").asString())).isEqualTo(registeredAt.plus(Duration.ofHours(24)));
        assertThat(assessment.path("riskLevel").asString()).isEqualTo("high");
        assertThat(assessment.path("section").asString()).isEqualTo("initial_assessment");
        assertThat(api.myTasks(worker, caseId, "?state=overdue")).isEmpty();

        clock.advance(Duration.ofHours(25));
        assertThat(api.myTasks(worker, caseId, "?state=overdue")).extracting(t -> t.path("id").asString())
                .containsExactly(assessment.path("id").asString());

        fireDueTimers(caseId);
        fireDueTimers(caseId);
        JsonNode flagged = InboxApi.read(api.client().get("/api/v1/tasks/" + assessment.path("id").asString(),
                worker.username(), CaseTestUsers.PASSWORD));
        assertThat(flagged.path("overdue").asBoolean()).isTrue();

        JsonNode notifications = api.notifications(supervisor);
        List<JsonNode> aboutCase = new java.util.ArrayList<>();
        notifications.path("items").forEach(n -> {
            if (n.path("recordId").asString().equals(caseId)) {
                aboutCase.add(n);
            }
        });
        assertThat(aboutCase).as("one notification per overdue task and supervisor").hasSize(1);
        assertThat(aboutCase.getFirst().path("kind").asString()).isEqualTo("task.overdue");
        assertThat(aboutCase.getFirst().path("read").asBoolean()).isFalse();
        assertThat(aboutCase.getFirst().path("message").asString()).contains("initial_assessment");
        assertThat(api.notifications(otherSupervisor).path("items").toString()).doesNotContain(caseId);

        HttpResponse<String> read = api.client().post("/api/v1/notifications/"
                + aboutCase.getFirst().path("id").asString() + "/read", null, supervisor.username(),
                CaseTestUsers.PASSWORD);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(InboxApi.read(read).path("read").asBoolean()).isTrue();
        HttpResponse<String> notMine = api.client().post("/api/v1/notifications/"
                + aboutCase.getFirst().path("id").asString() + "/read", null, worker.username(),
                CaseTestUsers.PASSWORD);
        assertThat(notMine.statusCode()).isEqualTo(404);

        JsonNode team = InboxApi.read(api.tasks(supervisor, "?team=true&state=overdue"));
        assertThat(team.toString()).contains(assessment.path("id").asString());
        assertThat(InboxApi.read(api.tasks(otherSupervisor, "?team=true&state=overdue")).toString())
                .doesNotContain(caseId);
        assertThat(api.tasks(worker, "?team=true").statusCode()).as("a case worker has no team").isEqualTo(403);
    }

    @Test
    void aLowRiskAssessmentIsNotOverdueAfter25Hours() {
        Instant registeredAt = clock.instant();
        String caseId = api.register(worker, "low");
        api.completeStep(worker, caseId, "registration", Map.of());

        clock.advance(Duration.ofHours(25));
        fireDueTimers(caseId);

        assertThat(api.myTasks(worker, caseId, "?state=overdue")).isEmpty();
        JsonNode assessment = api.task(worker, caseId, "initialAssessment");
        assertThat(assessment.path("overdue").asBoolean()).isFalse();
        assertThat(Instant.parse(assessment.path("due").asString())).isEqualTo(registeredAt.plus(Duration.ofDays(7)));
        assertThat(api.myTasks(worker, caseId, "?state=upcoming")).hasSize(1);
        assertThat(api.notifications(supervisor).path("items").toString()).doesNotContain(caseId);
    }

    @Test
    void aPerChildOverrideWithAReasonMovesTheDueDateAndTheTimer() {
        Instant registeredAt = clock.instant();
        String caseId = api.register(worker, "high");
        api.completeStep(worker, caseId, "registration", Map.of());

        String targets = "/api/v1/cases/" + caseId + "/targets";
        HttpResponse<String> byWorker = api.client().put(targets, "{\"assessmentHours\":72,\"reason\":\"Child in hospital\"}",
                worker.username(), CaseTestUsers.PASSWORD, "If-Match", "\"0\"");
        assertThat(byWorker.statusCode()).as("case workers have no case:override_target by default").isEqualTo(403);
        HttpResponse<String> noReason = api.client().put(targets, "{\"assessmentHours\":72}",
                supervisor.username(), CaseTestUsers.PASSWORD, "If-Match", "\"0\"");
        assertThat(noReason.statusCode()).isEqualTo(422);
        HttpResponse<String> outOfScope = api.client().put(targets, "{\"assessmentHours\":72,\"reason\":\"x\"}",
                otherSupervisor.username(), CaseTestUsers.PASSWORD, "If-Match", "\"0\"");
        assertThat(outOfScope.statusCode()).isEqualTo(404);

        HttpResponse<String> overridden = api.client().put(targets,
                "{\"assessmentHours\":72,\"reason\":\"Child in hospital until Thursday\"}", supervisor.username(),
                CaseTestUsers.PASSWORD, "If-Match", "\"0\"");
        assertThat(overridden.statusCode()).as(overridden.body()).isEqualTo(200);
        Instant newDue = registeredAt.plus(Duration.ofHours(72));
        assertThat(Instant.parse(InboxApi.read(overridden).path("assessmentDue").asString())).isEqualTo(newDue);
        assertThat(Instant.parse(InboxApi.read(overridden).path("casePlanDue").asString()))
                .as("the case plan keeps the risk level's target").isEqualTo(registeredAt.plus(Duration.ofHours(72)));

        assertThat(Instant.parse(api.task(worker, caseId, "initialAssessment").path("due").asString()))
                .isEqualTo(newDue);
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        assertThat(management.createTimerJobQuery().processInstanceId(pid).singleResult().getDuedate().toInstant())
                .isEqualTo(newDue);
        assertThat(runtime.getVariable(pid, "assessmentDue")).isEqualTo(newDue.toString());

        clock.advance(Duration.ofHours(25));
        fireDueTimers(caseId);
        assertThat(api.myTasks(worker, caseId, "?state=overdue")).isEmpty();

        HttpResponse<String> stale = api.client().put(targets, "{\"assessmentHours\":48,\"reason\":\"again\"}",
                supervisor.username(), CaseTestUsers.PASSWORD, "If-Match", "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(409);
    }

    @Test
    void raisingTheRiskLevelBringsTheOpenAssessmentForward() {
        Instant registeredAt = clock.instant();
        String caseId = api.register(worker, "low");
        api.completeStep(worker, caseId, "registration", Map.of());

        api.fillSection(worker, caseId, "registration", Map.of("risk_level", "high"));

        assertThat(Instant.parse(api.task(worker, caseId, "initialAssessment").path("due").asString()))
                .isEqualTo(registeredAt.plus(Duration.ofHours(24)));
        assertThat(api.task(worker, caseId, "initialAssessment").path("riskLevel").asString()).isEqualTo("high");
    }

    @Test
    void completingATaskNeedsItsSectionAndARejectedCasePlanReturnsToTheWorker() {
        String caseId = api.register(worker, "medium");
        api.completeStep(worker, caseId, "registration", Map.of());

        String assessmentId = api.task(worker, caseId, "initialAssessment").path("id").asString();
        HttpResponse<String> unfilled = api.complete(worker, assessmentId, Map.of());
        assertThat(unfilled.statusCode()).isEqualTo(422);
        assertThat(InboxApi.read(unfilled).path("detail").asString()).contains("initial_assessment");
        assertThat(api.complete(otherSupervisor, assessmentId, Map.of()).statusCode())
                .as("a task outside the user's scope does not exist").isEqualTo(404);
        assertThat(api.complete(worker, assessmentId, Map.of("approved", true)).statusCode())
                .as("a worker cannot hand the process a supervisor's decision").isEqualTo(400);

        api.fillSection(worker, caseId, "initial_assessment", Map.of("concerns", "none recorded"));
        api.completeStep(worker, caseId, "initialAssessment", Map.of());
        assertThat(api.myTask(worker, caseId, "assessmentApproval")).as("approvals are for supervisors").isEmpty();
        String approvalId = api.task(supervisor, caseId, "assessmentApproval").path("id").asString();
        assertThat(api.approve(worker, approvalId).statusCode()).isEqualTo(403);
        api.approveStep(supervisor, caseId, "assessmentApproval");

        api.fillSection(worker, caseId, "case_plan", Map.of("goal", "reunification"));
        api.completeStep(worker, caseId, "casePlan", Map.of());
        String planApproval = api.task(supervisor, caseId, "casePlanApproval").path("id").asString();
        assertThat(api.reject(supervisor, planApproval, null).statusCode()).as("a send-back needs a comment")
                .isEqualTo(422);
        HttpResponse<String> rejected = api.reject(supervisor, planApproval, "Add the school enrolment");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(InboxApi.read(rejected).path("state").asString()).isEqualTo("COMPLETED");

        JsonNode returned = api.task(worker, caseId, "casePlan");
        assertThat(returned.path("assignee").asString()).isEqualTo(worker.id());
        assertThat(kindsAbout(supervisor, caseId)).as("each approval waiting is announced once")
                .containsExactlyInAnyOrder("approval.requested", "approval.requested");
        assertThat(kindsAbout(worker, caseId)).containsExactlyInAnyOrder("approval.approved", "approval.returned");
        assertThat(kindsAbout(otherSupervisor, caseId)).isEmpty();
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        assertThat(runtime.getVariable(pid, "reviewComment")).isEqualTo("Add the school enrolment");
    }

    @Test
    void closureNeedsTheSupervisorsApprovalWhichClosesTheCaseFileAsTheSupervisor() {
        String caseId = api.register(worker, "medium");
        api.completeStep(worker, caseId, "registration", Map.of());
        api.fillSection(worker, caseId, "initial_assessment", Map.of("concerns", "none recorded"));
        api.completeStep(worker, caseId, "initialAssessment", Map.of());
        api.approveStep(supervisor, caseId, "assessmentApproval");
        api.fillSection(worker, caseId, "case_plan", Map.of("goal", "reunification"));
        api.completeStep(worker, caseId, "casePlan", Map.of());
        api.approveStep(supervisor, caseId, "casePlanApproval");
        api.fillSection(worker, caseId, "follow_up", Map.of("visit", "home visit done"));
        HttpResponse<String> noDecision = api.complete(worker, api.task(worker, caseId, "followUp").path("id")
                .asString(), Map.of());
        assertThat(noDecision.statusCode()).as("the follow-up needs continueFollowUp").isEqualTo(422);
        api.completeStep(worker, caseId, "followUp", Map.of("continueFollowUp", false));
        api.fillSection(worker, caseId, "closure", Map.of("closure_reason", "reunified"));
        api.completeStep(worker, caseId, "closureRequest", Map.of());

        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count())
                .as("the case waits for the supervisor").isOne();
        assertThat(api.myTasks(worker, caseId, "")).isEmpty();
        assertThat(caseFile(caseId).path("status").asString()).as("requesting closure closes nothing")
                .isEqualTo("OPEN");
        String approvalId = api.task(supervisor, caseId, "closureApproval").path("id").asString();
        api.approveStep(supervisor, caseId, "closureApproval");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count()).isZero();
        assertThat(InboxApi.read(api.client().get("/api/v1/cases/" + caseId + "/tasks", worker.username(),
                CaseTestUsers.PASSWORD))).isEmpty();

        JsonNode closed = caseFile(caseId);
        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("closure").path("reason").asString()).isEqualTo("reunified");
        assertThat(closed.path("closure").path("closedBy").asString()).isEqualTo(supervisor.id());
        long version = closed.path("version").asLong();

        // approving again is refused (the task is done) and the closed case stays as it is
        assertThat(api.approve(supervisor, approvalId).statusCode()).isIn(404, 409);
        assertThat(caseFile(caseId).path("version").asLong()).isEqualTo(version);
    }

    private JsonNode caseFile(String caseId) {
        return InboxApi.read(api.client().get("/api/v1/cases/" + caseId, worker.username(), CaseTestUsers.PASSWORD));
    }

    @Test
    void countsForTheNavigation() {
        String caseId = api.register(worker, "high");
        api.completeStep(worker, caseId, "registration", Map.of());
        clock.advance(Duration.ofHours(30));
        JsonNode counts = InboxApi.read(api.client().get("/api/v1/tasks/counts", worker.username(),
                CaseTestUsers.PASSWORD));
        assertThat(counts.path("overdue").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(counts.path("open").asLong()).isGreaterThanOrEqualTo(counts.path("overdue").asLong());
        assertThat(counts.path("teamOverdue").asLong()).isZero();
        JsonNode supervisorCounts = InboxApi.read(api.client().get("/api/v1/tasks/counts", supervisor.username(),
                CaseTestUsers.PASSWORD));
        assertThat(supervisorCounts.path("teamOverdue").asLong()).isGreaterThanOrEqualTo(1);
    }

    private List<Document> pendingCommands(String caseId) {
        Document document = database.getCollection("cases").find(new Document("_id", caseId)).first();
        return document == null ? List.of() : document.getList("outbox", Document.class, List.of());
    }

    private List<String> kindsAbout(KinshipUser user, String caseId) {
        List<String> kinds = new java.util.ArrayList<>();
        api.notifications(user).path("items").forEach(n -> {
            if (n.path("recordId").asString().equals(caseId)) {
                kinds.add(n.path("kind").asString());
            }
        });
        return kinds;
    }

    private void fireDueTimers(String caseId) {
        String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        for (Job job : management.createTimerJobQuery().processInstanceId(pid).executable().list()) {
            Job executable = management.moveTimerToExecutableJob(job.getId());
            management.executeJob(executable.getId());
        }
    }
}
