package org.kinship.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.kinship.cases.CaseRouting;
import org.kinship.tasks.TaskProjection;
import org.kinship.workflow.CaseDueDates;
import org.springframework.stereotype.Component;

/**
 * The engine side of a case: its process instances (business key = case id), started idempotently, and their due
 * dates moved when the risk or the child's targets change (docs/workflows.md: variable, open task's due date,
 * pending timer job).
 */
@Component
class CaseProcesses {

    static final String COMMAND_ID = "kinshipCommandId";
    static final String ASSESSMENT_DUE = "assessmentDue";
    static final String CASE_PLAN_DUE = "casePlanDue";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final TaskProjection projection;
    private final Clock clock;

    CaseProcesses(RuntimeService runtime, HistoryService history, TaskService tasks, ManagementService management,
            RepositoryService repository, TaskProjection projection, Clock clock) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.projection = projection;
        this.clock = clock;
    }

    boolean deployed(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
    }

    /** Whether a command (or any earlier start of the same process for the case) already started an instance. */
    boolean started(String caseId, String processKey) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(processKey).count() > 0;
    }

    /** Starts the case's process with the contract's variables; answers the process instance id. */
    String start(String processKey, CaseRouting routing, CaseDueDates due, String commandId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseOwner", routing.ownerId());
        variables.put("riskLevel", routing.riskLevel());
        variables.put(ASSESSMENT_DUE, due.assessmentDue().toString());
        variables.put(CASE_PLAN_DUE, due.casePlanDue().toString());
        variables.put(COMMAND_ID, commandId);
        ProcessInstance instance = runtime.startProcessInstanceByKey(processKey, routing.id(), variables);
        removeDuplicateStarts(routing.id(), processKey);
        return instance.getId();
    }

    /**
     * Two nodes applying the same command at once could both pass the "already started?" check. Each then keeps
     * the earliest instance and deletes the others, so both converge on one.
     */
    private void removeDuplicateStarts(String caseId, String processKey) {
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey(processKey).list();
        if (running.size() < 2) {
            return;
        }
        ProcessInstance keep = running.stream().min(java.util.Comparator
                .comparing((ProcessInstance p) -> p.getStartTime()).thenComparing(ProcessInstance::getId)).orElseThrow();
        running.stream().filter(p -> !p.getId().equals(keep.getId()))
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "duplicate start of the same case command"));
    }

    List<ProcessInstance> running(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list();
    }

    Optional<String> riskLevel(String processInstanceId) {
        Object value = runtime.getVariable(processInstanceId, "riskLevel");
        return Optional.ofNullable(value == null ? null : value.toString());
    }

    /** Writes new due dates into every running process of the case that uses them. */
    void applyDueDates(CaseDueDates due, String riskLevel) {
        Map<String, Instant> dates = Map.of(ASSESSMENT_DUE, due.assessmentDue(), CASE_PLAN_DUE, due.casePlanDue());
        for (ProcessInstance instance : running(due.caseId())) {
            String pid = instance.getId();
            runtime.setVariable(pid, "riskLevel", riskLevel);
            BpmnModel model = repository.getBpmnModel(instance.getProcessDefinitionId());
            dates.forEach((variable, date) -> {
                if (!runtime.hasVariable(pid, variable)) {
                    return;
                }
                runtime.setVariable(pid, variable, date.toString());
                String expression = "${" + variable + "}";
                for (Task task : tasks.createTaskQuery().processInstanceId(pid).list()) {
                    if (model.getFlowElement(task.getTaskDefinitionKey()) instanceof UserTask userTask
                            && expression.equals(trim(userTask.getDueDate()))) {
                        tasks.setDueDate(task.getId(), Date.from(date));
                        projection.due(task.getId(), date, clock.instant());
                    }
                }
                for (Job job : management.createTimerJobQuery().processInstanceId(pid).list()) {
                    FlowElement element = model.getFlowElement(job.getElementId());
                    if (element instanceof BoundaryEvent boundary && boundary.getEventDefinitions().stream()
                            .anyMatch(d -> d instanceof TimerEventDefinition timer
                                    && expression.equals(trim(timer.getTimeDate())))) {
                        management.rescheduleTimeDateJob(job.getId(), date.toString());
                    }
                }
            });
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
