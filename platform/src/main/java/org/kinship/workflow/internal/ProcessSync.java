package org.kinship.workflow.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseRouting;
import org.kinship.cases.CaseRoutingService;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskInboxRebuild;
import org.kinship.tasks.TaskProjection;
import org.kinship.tasks.TaskState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Copies the engine's open user tasks into the inbox projection: per process instance after each engine
 * transaction ({@link EngineEvents}), whole at start and on demand. Fired overdue timers flag their task and
 * notify the case's supervisors ({@link Supervisors}) and, for a record task, whoever owes the answer
 * ({@link RecordTaskRecipients}); every write is idempotent.
 */
@Component
class ProcessSync implements TaskInboxRebuild {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessSync.class);
    private static final int PAGE = 500;

    private final TaskService tasks;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final TaskProjection projection;
    private final CaseRoutingService cases;
    private final Supervisors supervisors;
    private final RecordTaskRecipients recipients;
    private final Clock clock;

    ProcessSync(TaskService tasks, RuntimeService runtime, HistoryService history, RepositoryService repository,
            TaskProjection projection, CaseRoutingService cases, Supervisors supervisors,
            RecordTaskRecipients recipients, Clock clock) {
        this.tasks = tasks;
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.projection = projection;
        this.cases = cases;
        this.supervisors = supervisors;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** Brings one process instance's tasks in step. */
    void sync(String processInstanceId) {
        String caseId = businessKey(processInstanceId);
        if (caseId == null) {
            return;
        }
        Optional<CaseRouting> routing = cases.find(caseId);
        List<InboxTask> open = tasks.createTaskQuery().processInstanceId(processInstanceId).includeIdentityLinks()
                .list().stream().map(task -> toInbox(task, caseId, routing.orElse(null))).toList();
        projection.processTasks(processInstanceId, open, clock.instant());
        routing.ifPresent(found -> open.stream().filter(InboxTask::approval).forEach(task ->
                supervisors.approvalRequested(found, task.id(), String.valueOf(task.section()))));
    }

    /** A boundary timer fired: the task it is attached to is overdue. */
    void timerFired(EngineEvents.FiredTimer timer) {
        BpmnModel model = repository.getBpmnModel(timer.processDefinitionId());
        if (!(model.getFlowElement(timer.elementId()) instanceof BoundaryEvent boundary)
                || boundary.getAttachedToRefId() == null) {
            return;
        }
        sync(timer.processInstanceId());
        String caseId = businessKey(timer.processInstanceId());
        if (caseId == null) {
            return;
        }
        List<Task> late = tasks.createTaskQuery().processInstanceId(timer.processInstanceId())
                .taskDefinitionKey(boundary.getAttachedToRefId()).includeIdentityLinks().list();
        if (late.isEmpty()) {
            return;
        }
        projection.flagOverdue(timer.processInstanceId(), boundary.getAttachedToRefId());
        cases.find(caseId).ifPresent(routing -> late.forEach(task -> {
            supervisors.taskOverdue(routing, task.getId(),
                    sectionOf(task.getFormKey()) == null ? task.getTaskDefinitionKey() : sectionOf(task.getFormKey()));
            recipients.overdue(routing, task);
        }));
    }

    @Override
    public long rebuild() {
        List<Task> open = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().includeIdentityLinks().orderByTaskId().asc()
                    .listPage(first, PAGE);
            open.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
        }
        Set<String> processIds = new HashSet<>();
        open.forEach(task -> {
            if (task.getProcessInstanceId() != null) {
                processIds.add(task.getProcessInstanceId());
            }
        });
        Map<String, String> keys = new HashMap<>();
        List<String> ids = new ArrayList<>(processIds);
        for (int i = 0; i < ids.size(); i += PAGE) {
            runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(ids.subList(i,
                    Math.min(ids.size(), i + PAGE)))).list().forEach(p -> {
                        if (p.getBusinessKey() != null) {
                            keys.put(p.getId(), p.getBusinessKey());
                        }
                    });
        }
        Map<String, Optional<CaseRouting>> routings = new HashMap<>();
        List<InboxTask> inbox = new ArrayList<>();
        for (Task task : open) {
            String caseId = keys.get(task.getProcessInstanceId());
            if (caseId != null) {
                inbox.add(toInbox(task, caseId, routings.computeIfAbsent(caseId, cases::find).orElse(null)));
            }
        }
        return projection.replaceOpen(inbox, clock.instant());
    }

    /** The projection is derived state: rebuilt from the engine at every start (ARCHITECTURE.md). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    void repairAtStart() {
        try {
            long count = rebuild();
            LOG.info("Task inbox in step with the workflow engine: {} open tasks", count);
        } catch (RuntimeException e) {
            LOG.warn("Task inbox repair at start failed ({}); POST /api/v1/tasks/rebuild retries it",
                    e.getClass().getSimpleName());
        }
    }

    private @Nullable String businessKey(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        if (instance != null) {
            return instance.getBusinessKey();
        }
        var ended = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return ended == null ? null : ended.getBusinessKey();
    }

    static @Nullable String sectionOf(@Nullable String formKey) {
        if (formKey == null) {
            return null;
        }
        return formKey.startsWith(TaskForms.APPROVAL_PREFIX) ? formKey.substring(TaskForms.APPROVAL_PREFIX.length())
                : formKey;
    }

    private InboxTask toInbox(Task task, String caseId, @Nullable CaseRouting routing) {
        List<String> roles = task.getIdentityLinks().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLinkInfo::getGroupId).distinct().sorted().toList();
        String risk = routing != null ? routing.riskLevel() : String.valueOf(task.getProcessVariables()
                .getOrDefault("riskLevel", "none"));
        String formKey = task.getFormKey();
        return new InboxTask(task.getId(), caseId, routing == null ? null : routing.caseNumber(),
                task.getProcessInstanceId(), task.getTaskDefinitionKey(), task.getName(), formKey, sectionOf(formKey),
                formKey != null && formKey.startsWith(TaskForms.APPROVAL_PREFIX), task.getAssignee(), roles,
                routing == null ? null : routing.ownerId(), routing == null ? List.of() : routing.assignedIds(),
                routing == null ? List.of() : routing.groupIds(), routing == null ? null : routing.agencyCode(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), risk, InboxTask.riskRank(risk),
                TaskState.OPEN, false, task.getCreateTime().toInstant(), null, null);
    }
}
