package org.kinship.tasks;

/**
 * Rebuilds the inbox projection from the workflow engine's open tasks (implemented where the engine lives). It
 * runs at start and on demand ({@code POST /api/v1/tasks/rebuild}, {@code workflow:manage} everywhere).
 */
public interface TaskInboxRebuild {

    /** Answers the number of open tasks now in the projection. */
    long rebuild();
}
