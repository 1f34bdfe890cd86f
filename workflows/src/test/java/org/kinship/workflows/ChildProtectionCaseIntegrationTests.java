package org.kinship.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.identitylink.api.IdentityLink;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.kinship.testing.PlatformIntegrationTest;

/** Deployment, start by case id, and what each user task tells the inbox. */
@PlatformIntegrationTest
class ChildProtectionCaseIntegrationTests extends CaseProcessTestSupport {

    @Test
    void theProcessIsDeployedFromTheWorkflowsJarWithItsDiagram() {
        ProcessDefinition definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(RunningCase.PROCESS_KEY)
                .latestVersion()
                .singleResult();

        assertThat(definition).isNotNull();
        assertThat(definition.getResourceName()).endsWith("child-protection-case.bpmn20.xml");
        assertThat(definition.hasGraphicalNotation()).isTrue();
    }

    @Test
    void aCaseStartsWithItsCaseIdAsBusinessKeyAndAsksTheCaseOwnerForTheRegistration() {
        NewCase newCase = NewCase.highRisk(REGISTERED_AT);

        RunningCase running = RunningCase.start(engine, newCase);

        assertThat(running.instance().getBusinessKey()).isEqualTo(newCase.caseId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(newCase.caseId()).count()).isOne();
        assertThat(running.task().getTaskDefinitionKey()).isEqualTo("registration");
        assertThat(running.task().getAssignee()).isEqualTo(newCase.caseOwner());
    }

    @Test
    void eachUserTaskExposesItsFormSectionAndTheTimedOnesTheirDueDate() {
        NewCase newCase = NewCase.highRisk(REGISTERED_AT);
        RunningCase running = RunningCase.start(engine, newCase);
        List<TaskView> seen = new ArrayList<>();

        for (String step : List.of("registration", "initialAssessment", "assessmentApproval", "casePlan",
                "casePlanApproval", "followUp", "closureRequest", "closureApproval")) {
            seen.add(view(running.task()));
            switch (step) {
                case "assessmentApproval", "casePlanApproval", "closureApproval" -> running.approve(step);
                case "followUp" -> running.followUp(false);
                default -> running.complete(step);
            }
            clock.advance(Duration.ofHours(1));
        }

        String worker = newCase.caseOwner();
        assertThat(seen).containsExactly(
                new TaskView("registration", "registration", null, worker, Set.of("case_worker")),
                new TaskView("initialAssessment", "initial_assessment", newCase.assessmentDue(), worker,
                        Set.of("case_worker")),
                new TaskView("assessmentApproval", "approval:initial_assessment", null, null, Set.of("supervisor")),
                new TaskView("casePlan", "case_plan", newCase.casePlanDue(), worker, Set.of("case_worker")),
                new TaskView("casePlanApproval", "approval:case_plan", null, null, Set.of("supervisor")),
                new TaskView("followUp", "follow_up", null, worker, Set.of("case_worker")),
                new TaskView("closureRequest", "closure", null, worker, Set.of("case_worker")),
                new TaskView("closureApproval", "approval:closure", null, null, Set.of("supervisor")));
        assertThat(running.hasEnded()).isTrue();
    }

    private TaskView view(Task task) {
        Set<String> candidateGroups = engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
        Date due = task.getDueDate();
        return new TaskView(task.getTaskDefinitionKey(), task.getFormKey(), due == null ? null : due.toInstant(),
                task.getAssignee(), candidateGroups);
    }

    /** What the inbox needs from a task: which section, by when, for whom. */
    private record TaskView(String key, String formKey, Instant due, String assignee, Set<String> candidateGroups) {
    }
}
