package org.kinship.tasks;

/** No task with this id that the user may see. */
public class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String taskId) {
        super("No task " + taskId);
    }
}
