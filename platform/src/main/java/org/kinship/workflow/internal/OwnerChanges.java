package org.kinship.workflow.internal;

import java.time.Clock;

import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;
import org.kinship.cases.CaseOwnerChanged;
import org.kinship.cases.CaseRoutingService;
import org.kinship.tasks.TaskProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A case changed hands (transfer accepted, supervisor's assignment): the case's running processes follow the new
 * owner ({@code caseOwner}, and the open tasks the previous owner held), and the inbox copies the new routing
 * facts onto the case's open tasks, so the previous owner's inbox no longer lists them.
 */
@Component
class OwnerChanges {

    private static final Logger LOG = LoggerFactory.getLogger(OwnerChanges.class);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TaskProjection projection;
    private final CaseRoutingService cases;
    private final ProcessSync sync;
    private final Clock clock;

    OwnerChanges(RuntimeService runtime, TaskService tasks, TaskProjection projection, CaseRoutingService cases,
            ProcessSync sync, Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.projection = projection;
        this.cases = cases;
        this.sync = sync;
        this.clock = clock;
    }

    @EventListener
    void ownerChanged(CaseOwnerChanged event) {
        try {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(event.caseId()).list()) {
                if (event.previousOwnerId().equals(runtime.getVariable(instance.getId(), "caseOwner"))) {
                    runtime.setVariable(instance.getId(), "caseOwner", event.ownerId());
                }
                for (Task task : tasks.createTaskQuery().processInstanceId(instance.getId())
                        .taskAssignee(event.previousOwnerId()).list()) {
                    tasks.setAssignee(task.getId(), event.ownerId());
                }
                sync.sync(instance.getId());
            }
            cases.find(event.caseId()).ifPresent(routing -> projection.caseChanged(routing.id(), routing.ownerId(),
                    routing.assignedIds(), routing.groupIds(), routing.agencyCode(), routing.riskLevel()));
        } catch (RuntimeException e) {
            LOG.warn("Tasks of case {} not moved to the new owner at {} ({}); POST /api/v1/tasks/rebuild repairs the "
                    + "inbox", event.caseId(), clock.instant(), e.getClass().getSimpleName());
        }
    }
}
