package org.kinship.workflow;

/**
 * Applies the workflow commands the cases feature leaves in its outbox (ADR 0002, ADR 0011). It runs after each
 * registration, every few seconds and at start; calling it again is always safe.
 */
public interface WorkflowOutbox {

    /** Applies every pending command; answers how many were applied (a command that fails stays pending). */
    int drain();
}
