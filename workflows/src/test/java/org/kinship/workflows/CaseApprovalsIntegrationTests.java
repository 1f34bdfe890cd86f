package org.kinship.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.flowable.common.engine.api.FlowableException;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.kinship.testing.PlatformIntegrationTest;

/** Supervisor approvals, send-backs with a comment, and the follow-up loop. */
@PlatformIntegrationTest
class CaseApprovalsIntegrationTests extends CaseProcessTestSupport {

    @Test
    void aSentBackAssessmentReturnsToTheCaseWorkerWithTheComment() {
        RunningCase running = RunningCase.start(engine, NewCase.highRisk(REGISTERED_AT))
                .complete("registration").complete("initialAssessment");

        running.sendBack("assessmentApproval", "Interview the child's aunt as well.");

        Task returned = running.task();
        assertThat(returned.getTaskDefinitionKey()).isEqualTo("initialAssessment");
        assertThat(returned.getAssignee()).isEqualTo(NewCase.CASE_WORKER);
        assertThat(returned.getProcessVariables()).containsEntry("reviewComment", "Interview the child's aunt as well.");
    }

    @Test
    void aRejectedCasePlanReturnsToTheCaseWorkerWithTheComment() {
        RunningCase running = RunningCase.start(engine, NewCase.highRisk(REGISTERED_AT))
                .throughAssessment().complete("casePlan");

        running.sendBack("casePlanApproval", "Add a goal for school re-enrolment.");

        Task returned = running.task();
        assertThat(returned.getTaskDefinitionKey()).isEqualTo("casePlan");
        assertThat(returned.getAssignee()).isEqualTo(NewCase.CASE_WORKER);
        assertThat(returned.getFormKey()).isEqualTo("case_plan");
        assertThat(returned.getProcessVariables())
                .containsEntry("approved", false)
                .containsEntry("reviewComment", "Add a goal for school re-enrolment.");

        running.complete("casePlan");
        assertThat(running.task().getTaskDefinitionKey()).isEqualTo("casePlanApproval");
        assertThat(running.task().getProcessVariables())
                .as("the next review starts without the previous decision")
                .doesNotContainKeys("approved", "reviewComment");
    }

    @Test
    void anApprovalWithoutADecisionIsRefusedEvenAfterAnEarlierApproval() {
        RunningCase running = RunningCase.start(engine, NewCase.highRisk(REGISTERED_AT))
                .throughAssessment().complete("casePlan");
        String approvalTaskId = running.task().getId();

        assertThatThrownBy(() -> engine.getTaskService().complete(approvalTaskId))
                .isInstanceOf(FlowableException.class)
                .hasMessageContaining("approved");

        assertThat(running.task().getId()).as("the approval is still waiting").isEqualTo(approvalTaskId);
    }

    @Test
    void theFollowUpLoopRepeatsUntilTheWorkerIsReadyToClose() {
        RunningCase running = RunningCase.start(engine, NewCase.lowRisk(REGISTERED_AT))
                .throughAssessment().throughCasePlan();

        running.followUp(true).followUp(true);
        assertThat(running.task().getTaskDefinitionKey()).isEqualTo("followUp");

        running.followUp(false);
        assertThat(running.task().getTaskDefinitionKey()).isEqualTo("closureRequest");
        assertThat(running.timesFinished("followUp")).isEqualTo(3);
    }

    @Test
    void theCaseEndsOnlyAfterTheSupervisorApprovesTheClosure() {
        RunningCase running = RunningCase.start(engine, NewCase.lowRisk(REGISTERED_AT))
                .throughAssessment().throughCasePlan().followUp(false).complete("closureRequest");

        assertThat(running.hasEnded()).isFalse();
        running.sendBack("closureApproval", "One more visit after the family reunification.");
        assertThat(running.task().getTaskDefinitionKey())
                .as("a refused closure goes back to follow-up").isEqualTo("followUp");

        running.followUp(false).complete("closureRequest");
        assertThat(running.hasEnded()).isFalse();
        running.approve("closureApproval");

        assertThat(running.hasEnded()).isTrue();
        assertThat(running.timesFinished("caseClosed")).isOne();
    }
}
