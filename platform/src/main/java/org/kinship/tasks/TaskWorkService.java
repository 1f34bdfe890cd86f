package org.kinship.tasks;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;

/**
 * Doing the work of a task. A task the user may not see is a {@link TaskNotFoundException}.
 */
public interface TaskWorkService {

    /**
     * Completes a worker task. Its form section must be filled and valid in the case (otherwise a
     * {@code WorkflowRequestRefusedException} INVALID naming the section).
     *
     * @param variables decisions the process reads (for example {@code continueFollowUp}); only the names the
     *                  process contract allows are accepted
     */
    InboxTask complete(KinshipUser user, String taskId, Map<String, Object> variables, Locale locale);

    /** Approves an approval task ({@code case:approve} in the case's scope). */
    InboxTask approve(KinshipUser user, String taskId, @Nullable String comment);

    /** Sends an approval task's work back to the case worker with a comment (required). */
    InboxTask reject(KinshipUser user, String taskId, String comment);
}
