package org.kinship.workflow.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flowable.engine.HistoryService;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.kinship.workflow.RecordProcessService;
import org.springframework.stereotype.Service;

/** Starts, advances and cancels record processes in Flowable, idempotently per correlation id. */
@Service
class FlowableRecordProcessService implements RecordProcessService {

    static final String CORRELATION = "kinshipCorrelationId";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final RepositoryService repository;
    private final TaskService tasks;

    FlowableRecordProcessService(RuntimeService runtime, HistoryService history, RepositoryService repository,
            TaskService tasks) {
        this.runtime = runtime;
        this.history = history;
        this.repository = repository;
        this.tasks = tasks;
    }

    @Override
    public boolean deployed(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
    }

    @Override
    public String start(String processKey, String caseId, String correlationId, Map<String, Object> variables) {
        Optional<String> existing = instanceFor(processKey, correlationId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, Object> all = new HashMap<>(variables);
        all.put(CORRELATION, correlationId);
        ProcessInstance started = runtime.startProcessInstanceByKey(processKey, caseId, all);
        // two nodes starting the same record at once both pass the check above: keep the earliest
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processDefinitionKey(processKey)
                .variableValueEquals(CORRELATION, correlationId).list();
        if (running.size() > 1) {
            ProcessInstance keep = running.stream().min(java.util.Comparator
                    .comparing(ProcessInstance::getStartTime).thenComparing(ProcessInstance::getId)).orElseThrow();
            running.stream().filter(p -> !p.getId().equals(keep.getId()))
                    .forEach(p -> runtime.deleteProcessInstance(p.getId(), "duplicate start of the same record"));
            return keep.getId();
        }
        return started.getId();
    }

    @Override
    public Optional<String> instanceFor(String processKey, String correlationId) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .variableValueEquals(CORRELATION, correlationId).orderByProcessInstanceStartTime().asc().list()
                .stream().map(p -> p.getId()).findFirst();
    }

    @Override
    public boolean completeTask(String processInstanceId, String taskDefinitionKey, @Nullable String by,
            Map<String, Object> variables) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).list();
        if (open.isEmpty()) {
            return false;
        }
        open.forEach(task -> {
            if (task.getAssignee() == null && by != null) {
                tasks.setAssignee(task.getId(), by);
            }
            tasks.complete(task.getId(), variables);
        });
        return true;
    }

    @Override
    public void cancel(String processInstanceId, String reason) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtime.deleteProcessInstance(processInstanceId, reason);
        }
    }
}
