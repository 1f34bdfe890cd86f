package org.kinship.tasks;

import java.util.List;

import org.kinship.security.KinshipUser;

/**
 * The task inbox, read from the persisted projection. The user's case scope ({@code case:view}) is part of every
 * query; a task outside it does not exist for the user. Lists are sorted by due date (tasks without one last),
 * then risk (high first).
 */
public interface TaskInboxService {

    /**
     * The user's tasks: assigned to them, or without an assignee and offered to one of their roles, in cases they
     * may see.
     */
    List<InboxTask> myTasks(KinshipUser user, TaskFilter filter, int limit);

    /**
     * Every open task in the cases the user's team scope reaches (group or agency scope of {@code case:approve},
     * supervisors).
     *
     * @throws org.kinship.security.PermissionDeniedException when the user has no team scope
     */
    List<InboxTask> teamTasks(KinshipUser user, TaskFilter filter, int limit);

    /** The open tasks of one case the user may see (for the case file). */
    List<InboxTask> caseTasks(KinshipUser user, String caseId);

    TaskCounts counts(KinshipUser user);

    /** A task the user may see, open or completed. */
    InboxTask get(KinshipUser user, String taskId);
}
