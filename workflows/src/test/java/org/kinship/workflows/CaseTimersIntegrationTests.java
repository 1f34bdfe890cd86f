package org.kinship.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.kinship.testing.PlatformIntegrationTest;

/** Service-level targets: due dates and the overdue timers that flag a late assessment or case plan. */
@PlatformIntegrationTest
class CaseTimersIntegrationTests extends CaseProcessTestSupport {

    @Test
    void aHighRiskAssessmentIsFlaggedOverdueOnceTheClockPasses24Hours() {
        RunningCase running = RunningCase.start(engine, NewCase.highRisk(REGISTERED_AT)).complete("registration");

        clock.advance(Duration.ofHours(23));
        assertThat(running.dueTimers()).isEmpty();

        clock.advance(Duration.ofHours(2));
        assertThat(running.dueTimers()).extracting(Job::getElementId).containsExactly("assessmentOverdue");
        running.fireDueTimers();

        assertThat(running.timesFinished("assessmentOverdueFlagged")).isOne();
        assertThat(running.task().getTaskDefinitionKey())
                .as("the overdue assessment stays with the case worker").isEqualTo("initialAssessment");
        assertThat(running.pendingTimers()).as("the timer fires once").isEmpty();
    }

    @Test
    void aLowRiskAssessmentHasNoDueTimerAfter25Hours() {
        RunningCase running = RunningCase.start(engine, NewCase.lowRisk(REGISTERED_AT)).complete("registration");

        clock.advance(Duration.ofHours(25));

        assertThat(running.dueTimers()).isEmpty();
        assertThat(running.pendingTimers()).singleElement()
                .extracting(job -> job.getDuedate().toInstant())
                .isEqualTo(REGISTERED_AT.plus(Duration.ofDays(7)));
    }

    @Test
    void anAssessmentDoneInTimeCancelsItsTimer() {
        RunningCase running = RunningCase.start(engine, NewCase.highRisk(REGISTERED_AT)).complete("registration");
        clock.advance(Duration.ofHours(10));

        running.complete("initialAssessment");
        clock.advance(Duration.ofHours(20));

        assertThat(running.pendingTimers()).isEmpty();
        assertThat(running.timesFinished("assessmentOverdueFlagged")).isZero();
    }

    @Test
    void aSentBackAssessmentKeepsItsOriginalDueDate() {
        NewCase newCase = NewCase.highRisk(REGISTERED_AT);
        RunningCase running = RunningCase.start(engine, newCase).complete("registration");
        clock.advance(Duration.ofHours(20));
        running.complete("initialAssessment");
        clock.advance(Duration.ofHours(2));

        running.sendBack("assessmentApproval", "Interview the child's aunt as well.");

        assertThat(running.task().getDueDate()).isEqualTo(Date.from(newCase.assessmentDue()));
        assertThat(running.pendingTimers()).singleElement()
                .extracting(Job::getDuedate).isEqualTo(Date.from(newCase.assessmentDue()));
    }

    @Test
    void aRiskRaisedToHighBringsThePendingAssessmentTimerForward() {
        RunningCase running = RunningCase.start(engine, NewCase.lowRisk(REGISTERED_AT)).complete("registration");
        clock.advance(Duration.ofHours(1));

        Instant highRiskDue = REGISTERED_AT.plus(Duration.ofHours(24));
        raiseRisk(running, highRiskDue);
        clock.advance(Duration.ofHours(24));

        assertThat(running.task().getDueDate()).isEqualTo(Date.from(highRiskDue));
        assertThat(running.dueTimers()).extracting(Job::getElementId).containsExactly("assessmentOverdue");
    }

    @Test
    void aCasePlanIsFlaggedOverdueAfterItsDueDate() {
        NewCase newCase = NewCase.highRisk(REGISTERED_AT);
        RunningCase running = RunningCase.start(engine, newCase).throughAssessment();

        clock.setTo(newCase.casePlanDue().plus(Duration.ofMinutes(1)));
        assertThat(running.dueTimers()).extracting(Job::getElementId).containsExactly("casePlanOverdue");
        running.fireDueTimers();

        assertThat(running.timesFinished("casePlanOverdueFlagged")).isOne();
        assertThat(running.task().getTaskDefinitionKey()).isEqualTo("casePlan");
    }

    /** What the platform does when a risk re-assessment shortens the target (see docs/workflows.md). */
    private void raiseRisk(RunningCase running, Instant assessmentDue) {
        String processInstanceId = running.instance().getId();
        engine.getRuntimeService().setVariable(processInstanceId, "riskLevel", "high");
        engine.getRuntimeService().setVariable(processInstanceId, "assessmentDue", assessmentDue.toString());
        Task task = running.task();
        engine.getTaskService().setDueDate(task.getId(), Date.from(assessmentDue));
        for (Job timer : running.pendingTimers()) {
            engine.getManagementService().rescheduleTimeDateJob(timer.getId(), assessmentDue.toString());
        }
    }
}
