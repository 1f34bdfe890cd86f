package org.kinship.cases;

import java.time.Instant;

/**
 * A command for the workflow engine waiting in a case's {@code outbox} array, stored in the same single
 * document write as the change that caused it (ADR 0002). Contract for the worker that applies it: read
 * pending commands with {@link CaseOutbox#pending(int)}, apply each idempotently keyed by {@code id} (for
 * {@code startWorkflow}: start process {@code process} with business key {@code caseId} unless a process with
 * variable {@code kinshipCommandId = id} exists), then {@link CaseOutbox#acknowledge(String, String)}. A crash
 * anywhere leaves the command pending and the retry is a no-op.
 *
 * @param type {@code startWorkflow} (the only type so far)
 */
public record WorkflowCommand(String id, String type, String caseId, String process, Instant createdAt) {

    public static final String START_WORKFLOW = "startWorkflow";
}
