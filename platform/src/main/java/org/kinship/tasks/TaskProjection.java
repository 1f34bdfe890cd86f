package org.kinship.tasks;

import java.time.Instant;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * Port: the workflow engine keeps the inbox projection in step through these writes. Each is idempotent (keyed by
 * the engine's task id), so an event seen twice or a rebuild after a crash converges on the same documents.
 */
public interface TaskProjection {

    /** Inserts or replaces an open task (keeps its overdue flag when it already has one). */
    void open(InboxTask task);

    /**
     * Brings the tasks of one process instance in step: {@code open} are upserted, every other open task of the
     * instance is marked completed at {@code now}.
     */
    void processTasks(String processInstanceId, Collection<InboxTask> open, Instant now);

    /** Marks a task completed (or cancelled by the process), by whom when known (a known completer is kept). */
    void completed(String taskId, Instant at, @Nullable String by);

    /** Flags the open task of a case's step overdue; answers whether a task changed. */
    boolean flagOverdue(String processInstanceId, String taskDefinitionKey);

    /** Moves the due date of an open task and clears its overdue flag when the new date lies ahead. */
    void due(String taskId, @Nullable Instant due, Instant now);

    /** Copies a case's routing facts (owner, scope fields, risk) onto its open tasks. */
    void caseChanged(String caseId, @Nullable String ownerId, Collection<String> assignedIds,
            Collection<String> groupIds, @Nullable String agencyCode, String riskLevel);

    /** Replaces every open task with {@code open}: the rebuild from the engine. Completed tasks stay. */
    long replaceOpen(Collection<InboxTask> open, Instant now);
}
