package org.kinship.tasks;

/** Whether a task still waits for someone. */
public enum TaskState {
    OPEN, COMPLETED
}
