package org.kinship.workflow.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Listens to the engine (task created, assigned, completed or deleted; timer fired; process ended) and, once the
 * engine's transaction has committed, brings the inbox projection of the processes concerned in step
 * ({@link ProcessSync}). Working after the commit means the projection never shows a task the engine rolled
 * back; a crash between the commit and the projection write is repaired by the rebuild at start.
 */
final class EngineEvents implements FlowableEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EngineEvents.class);

    private final ObjectProvider<ProcessSync> sync;

    EngineEvents(ObjectProvider<ProcessSync> sync) {
        this.sync = sync;
    }

    /** What one engine transaction touched. */
    private static final class Touched implements TransactionSynchronization {
        final Set<String> processes = new LinkedHashSet<>();
        final Set<FiredTimer> timers = new LinkedHashSet<>();
        private final ObjectProvider<ProcessSync> sync;

        Touched(ObjectProvider<ProcessSync> sync) {
            this.sync = sync;
        }

        @Override
        public void afterCommit() {
            ProcessSync target = sync.getIfAvailable();
            if (target == null) {
                return;
            }
            try {
                processes.forEach(target::sync);
                timers.forEach(target::timerFired);
            } catch (RuntimeException e) {
                LOG.warn("Task inbox projection not updated after an engine change ({}); the repair at start or "
                        + "POST /api/v1/tasks/rebuild brings it back in step", e.getClass().getSimpleName());
            }
        }
    }

    record FiredTimer(String processInstanceId, String processDefinitionId, String elementId) {
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (!(event.getType() instanceof FlowableEngineEventType type)) {
            return;
        }
        switch (type) {
            case TASK_CREATED, TASK_ASSIGNED, TASK_COMPLETED -> {
                if (event instanceof FlowableEntityEvent entityEvent && entityEvent.getEntity() instanceof Task task
                        && task.getProcessInstanceId() != null) {
                    touched().processes.add(task.getProcessInstanceId());
                }
            }
            case ENTITY_DELETED -> {
                if (event instanceof FlowableEntityEvent entityEvent && entityEvent.getEntity() instanceof Task task
                        && task.getProcessInstanceId() != null) {
                    touched().processes.add(task.getProcessInstanceId());
                }
            }
            case PROCESS_COMPLETED, PROCESS_CANCELLED -> {
                if (event instanceof FlowableEngineEntityEvent engineEvent && engineEvent.getProcessInstanceId() != null) {
                    touched().processes.add(engineEvent.getProcessInstanceId());
                }
            }
            case TIMER_FIRED -> {
                if (event instanceof FlowableEntityEvent entityEvent && entityEvent.getEntity() instanceof Job job
                        && job.getProcessInstanceId() != null && job.getElementId() != null) {
                    touched().timers.add(new FiredTimer(job.getProcessInstanceId(), job.getProcessDefinitionId(),
                            job.getElementId()));
                }
            }
            default -> {
                // not relevant to the inbox
            }
        }
    }

    private Touched touched() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // outside a Spring transaction (not expected): collect into a throw-away set; the service that made
            // the change syncs after its call and the repair at start covers the rest
            return new Touched(sync);
        }
        for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
            if (synchronization instanceof Touched touched) {
                return touched;
            }
        }
        Touched touched = new Touched(sync);
        TransactionSynchronizationManager.registerSynchronization(touched);
        return touched;
    }

    @Override
    public boolean isFailOnException() {
        return false;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
