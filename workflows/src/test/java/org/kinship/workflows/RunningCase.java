package org.kinship.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;

/**
 * One {@code childProtectionCase} instance driven the way the platform will drive it: tasks completed with the
 * variables of the contract, timers fired by hand once the engine clock has passed them.
 */
final class RunningCase {

    static final String PROCESS_KEY = "childProtectionCase";

    private final ProcessEngine engine;
    private final ProcessInstance instance;

    private RunningCase(ProcessEngine engine, ProcessInstance instance) {
        this.engine = engine;
        this.instance = instance;
    }

    static RunningCase start(ProcessEngine engine, NewCase newCase) {
        ProcessInstance instance = engine.getRuntimeService()
                .startProcessInstanceByKey(PROCESS_KEY, newCase.caseId(), newCase.variables());
        return new RunningCase(engine, instance);
    }

    ProcessInstance instance() {
        return instance;
    }

    /** The one user task the case waits on (this process never has two at once). */
    Task task() {
        Task task = engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId())
                .includeProcessVariables()
                .singleResult();
        assertThat(task).as("the case waits on a user task").isNotNull();
        return task;
    }

    /** Completes the waiting task, which must be {@code taskKey}. */
    RunningCase complete(String taskKey, Map<String, Object> variables) {
        Task task = task();
        assertThat(task.getTaskDefinitionKey()).as("the task the case waits on").isEqualTo(taskKey);
        engine.getTaskService().complete(task.getId(), variables);
        return this;
    }

    RunningCase complete(String taskKey) {
        return complete(taskKey, Map.of());
    }

    RunningCase approve(String approvalTaskKey) {
        return complete(approvalTaskKey, Map.of("approved", true, "reviewComment", "Approved."));
    }

    RunningCase sendBack(String approvalTaskKey, String comment) {
        return complete(approvalTaskKey, Map.of("approved", false, "reviewComment", comment));
    }

    RunningCase followUp(boolean continueFollowUp) {
        return complete("followUp", Map.of("continueFollowUp", continueFollowUp));
    }

    /** From a fresh start to the case plan task: registration done, assessment done and approved. */
    RunningCase throughAssessment() {
        return complete("registration").complete("initialAssessment").approve("assessmentApproval");
    }

    /** From the case plan task to the first follow-up. */
    RunningCase throughCasePlan() {
        return complete("casePlan").approve("casePlanApproval");
    }

    boolean hasEnded() {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instance.getId()).count() == 0;
    }

    /** Timer jobs of this case whose due date the engine clock has reached. */
    List<Job> dueTimers() {
        return engine.getManagementService().createTimerJobQuery()
                .processInstanceId(instance.getId())
                .executable()
                .list();
    }

    /** Timer jobs of this case, due or not. */
    List<Job> pendingTimers() {
        return engine.getManagementService().createTimerJobQuery()
                .processInstanceId(instance.getId())
                .list();
    }

    /** Runs every due timer, as the async executor would. */
    void fireDueTimers() {
        var management = engine.getManagementService();
        for (Job timer : dueTimers()) {
            management.executeJob(management.moveTimerToExecutableJob(timer.getId()).getId());
        }
    }

    /** How often the case has passed through the given activity (finished instances, from history). */
    long timesFinished(String activityId) {
        return engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .finished()
                .count();
    }
}
