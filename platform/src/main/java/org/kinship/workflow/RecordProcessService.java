package org.kinship.workflow;

import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Processes that other features run for one of their records (a referral's response and delivery), beside the
 * case's own process: started with the case id as business key so that their tasks are the case's tasks in the
 * inbox (due dates, overdue timers, supervisors' notifications). The BPMN belongs to the administrators; callers
 * rely only on the process key, the variables they pass and the user task ids they complete.
 */
public interface RecordProcessService {

    /** Whether a process with this key is deployed. */
    boolean deployed(String processKey);

    /**
     * Starts {@code processKey} for the record unless an instance for {@code correlationId} already exists
     * (running or ended); answers the instance id. The correlation id is kept as the variable
     * {@code kinshipCorrelationId}.
     */
    String start(String processKey, String caseId, String correlationId, Map<String, Object> variables);

    /** The instance started for {@code correlationId}, if any. */
    Optional<String> instanceFor(String processKey, String correlationId);

    /**
     * Completes the open user task {@code taskDefinitionKey} of the instance with {@code variables}, first assigning
     * it to {@code by} when it is still unassigned (an agency's task is claimed by whoever answered it, so the
     * engine's history names them); answers false when the instance has no such open task (already completed, or
     * the process has no such step).
     */
    boolean completeTask(String processInstanceId, String taskDefinitionKey, @Nullable String by,
            Map<String, Object> variables);

    /** Ends a running instance (for example when its record was revoked); nothing happens when it has ended. */
    void cancel(String processInstanceId, String reason);
}
