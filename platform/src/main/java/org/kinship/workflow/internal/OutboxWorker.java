package org.kinship.workflow.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PreDestroy;
import org.flowable.engine.runtime.ProcessInstance;
import org.kinship.cases.CaseOutbox;
import org.kinship.cases.CaseRegistered;
import org.kinship.cases.CaseRouting;
import org.kinship.cases.CaseRoutingService;
import org.kinship.cases.CaseSectionChanged;
import org.kinship.cases.WorkflowCommand;
import org.kinship.tasks.TaskProjection;
import org.kinship.workflow.CaseDueDates;
import org.kinship.workflow.WorkflowOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applies the cases' outbox commands to the engine (ADR 0011): right after a registration, every
 * {@code kinship.workflow.outbox-interval} (5 s) and at start. A {@code startWorkflow} command starts the module's
 * process with business key = case id unless an instance for the case already exists, then is removed from the
 * case; a crash between the two leaves a command whose retry is a no-op. Also moves due dates when a case's risk
 * level changes.
 */
@Component
class OutboxWorker implements WorkflowOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 100;

    private final CaseOutbox outbox;
    private final CaseRoutingService cases;
    private final CaseProcesses processes;
    private final MongoServiceLevelService serviceLevels;
    private final TaskProjection projection;
    private final ProcessSync sync;
    private final Duration interval;
    private final Set<String> reportedMissing = ConcurrentHashMap.newKeySet();
    private final ReentrantLock[] caseLocks = new ReentrantLock[64];
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workflow-outbox");
        thread.setDaemon(true);
        return thread;
    });

    OutboxWorker(CaseOutbox outbox, CaseRoutingService cases, CaseProcesses processes,
            MongoServiceLevelService serviceLevels, TaskProjection projection, ProcessSync sync,
            @Value("${kinship.workflow.outbox-interval:5s}") Duration interval) {
        this.outbox = outbox;
        this.cases = cases;
        this.processes = processes;
        this.serviceLevels = serviceLevels;
        this.projection = projection;
        this.sync = sync;
        this.interval = interval;
        for (int i = 0; i < caseLocks.length; i++) {
            caseLocks[i] = new ReentrantLock();
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(20)
    void startPolling() {
        drainQuietly();
        long millis = Math.max(200, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::drainQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** A registration's command is applied at once (read by the case's id); if that fails, the poller retries it. */
    @EventListener
    void registered(CaseRegistered event) {
        if (event.workflowCommandId() != null) {
            try {
                applyAll(outbox.pendingOf(event.caseId()));
            } catch (RuntimeException e) {
                LOG.warn("Workflow command of case {} not applied yet ({}); retried on the next pass", event.caseId(),
                        e.getClass().getSimpleName());
            }
        }
    }

    /** A section edit may have changed the risk level: move the running process's due dates with it. */
    @EventListener
    void sectionChanged(CaseSectionChanged event) {
        try {
            CaseRouting routing = cases.find(event.caseId()).orElse(null);
            if (routing == null) {
                return;
            }
            projection.caseChanged(routing.id(), routing.ownerId(), routing.assignedIds(), routing.groupIds(),
                    routing.agencyCode(), routing.riskLevel());
            for (ProcessInstance instance : processes.running(routing.id())) {
                String before = processes.riskLevel(instance.getId()).orElse(null);
                if (!routing.riskLevel().equals(before)) {
                    CaseDueDates due = serviceLevels.dueDates(routing);
                    processes.applyDueDates(due, routing.riskLevel());
                    LOG.info("Due dates of case {} moved after a risk level change", routing.id());
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Due dates of case {} not moved after a section change ({})", event.caseId(),
                    e.getClass().getSimpleName());
        }
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.warn("Workflow outbox pass failed ({}); retried on the next pass", e.getClass().getSimpleName());
        }
    }

    @Override
    public int drain() {
        return applyAll(outbox.pending(BATCH));
    }

    /**
     * Applies the commands one case at a time (a lock per case, so the poller and a registration never start the
     * same case's process twice, while other cases' registrations go on); whether a process is deployed is asked
     * once per process and pass.
     */
    private int applyAll(List<WorkflowCommand> commands) {
        Map<String, Boolean> deployed = new HashMap<>();
        int applied = 0;
        for (WorkflowCommand command : commands) {
            ReentrantLock lock = caseLocks[Math.floorMod(command.caseId().hashCode(), caseLocks.length)];
            lock.lock();
            try {
                if (apply(command, deployed)) {
                    outbox.acknowledge(command.caseId(), command.id());
                    applied++;
                }
            } catch (RuntimeException e) {
                LOG.warn("Workflow command {} of case {} not applied yet ({}: {})", command.id(), command.caseId(),
                        e.getClass().getSimpleName(), e.getMessage());
            } finally {
                lock.unlock();
            }
        }
        return applied;
    }

    /** Answers whether the command is done (applied now or before) and may leave the outbox. */
    private boolean apply(WorkflowCommand command, Map<String, Boolean> deployed) {
        if (!WorkflowCommand.START_WORKFLOW.equals(command.type())) {
            LOG.error("Unknown workflow command type {} (command {} of case {}) removed from the outbox",
                    command.type(), command.id(), command.caseId());
            return true;
        }
        if (!deployed.computeIfAbsent(command.process(), processes::deployed)) {
            if (reportedMissing.add(command.process())) {
                LOG.warn("Process {} is not deployed; cases naming it wait in the outbox until it is",
                        command.process());
            }
            return false;
        }
        reportedMissing.remove(command.process());
        if (processes.started(command.caseId(), command.process())) {
            return true;
        }
        CaseRouting routing = cases.find(command.caseId()).orElse(null);
        if (routing == null) {
            LOG.error("Workflow command {} names case {}, which does not exist; removed", command.id(),
                    command.caseId());
            return true;
        }
        String pid = processes.start(command.process(), routing, serviceLevels.dueDates(routing), command.id());
        sync.sync(pid);
        return true;
    }
}
