package org.kinship.tasks.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.apache.lucene.search.Query;
import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskCounts;
import org.kinship.tasks.TaskFilter;
import org.kinship.tasks.TaskInboxService;
import org.kinship.tasks.TaskNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Inbox queries, answered from the Lucene {@link TaskIndex} of the open tasks (MongoDB's {@code tasks} collection
 * stays the system of record and {@link MongoTaskRepository} keeps the index in step with every write). The user's
 * case scope is a clause of every query ({@link TaskIndexQueries#scope}, the rule of {@link RecordScope#toMongoFilter}
 * on the case fields copied onto each task), so a task of a case the user may not see is never read. One task by
 * id is read from MongoDB and checked against the same rule in memory.
 */
@Service
class MongoTaskInboxService implements TaskInboxService {

    static final int MAX_LIMIT = 500;

    private final MongoTaskRepository tasks;
    private final TaskIndex index;
    private final PermissionService permissions;
    private final Clock clock;

    MongoTaskInboxService(MongoTaskRepository tasks, TaskIndex index, PermissionService permissions, Clock clock) {
        this.tasks = tasks;
        this.index = index;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Override
    public List<InboxTask> myTasks(KinshipUser user, TaskFilter filter, int limit) {
        return index.list(TaskIndexQueries.all(TaskIndexQueries.open(), mine(user),
                TaskIndexQueries.filter(filter, clock.instant())), clamp(limit));
    }

    @Override
    public List<InboxTask> teamTasks(KinshipUser user, TaskFilter filter, int limit) {
        return index.list(TaskIndexQueries.all(TaskIndexQueries.open(), teamScope(user),
                TaskIndexQueries.filter(filter, clock.instant())), clamp(limit));
    }

    @Override
    public List<InboxTask> caseTasks(KinshipUser user, String caseId) {
        return index.list(TaskIndexQueries.all(TaskIndexQueries.caseId(caseId), TaskIndexQueries.open(),
                TaskIndexQueries.scope(scope(user, Action.VIEW))), MAX_LIMIT);
    }

    @Override
    public TaskCounts counts(KinshipUser user) {
        Instant now = clock.instant();
        Query mine = TaskIndexQueries.all(TaskIndexQueries.open(), mine(user));
        long open = index.count(mine);
        long overdue = index.count(TaskIndexQueries.all(mine, TaskIndexQueries.filter(TaskFilter.OVERDUE, now)));
        long dueToday = index.count(TaskIndexQueries.all(mine, TaskIndexQueries.filter(TaskFilter.DUE_TODAY, now)));
        long teamOverdue = hasTeam(user) ? index.count(TaskIndexQueries.all(TaskIndexQueries.open(), teamScope(user),
                TaskIndexQueries.filter(TaskFilter.OVERDUE, now))) : 0;
        return new TaskCounts(open, overdue, dueToday, open - overdue - dueToday, teamOverdue);
    }

    @Override
    public InboxTask get(KinshipUser user, String taskId) {
        RecordScope view = scope(user, Action.VIEW);
        return tasks.findById(taskId).filter(task -> recordTaskOf(user, task)
                || task.offeredToAgency(TaskIndexQueries.offeredAgency(user, view))
                || view.permits(task.ownerId(), task.assignedIds(), task.groupIds(), task.agencyCode()))
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /**
     * Assigned to the user, or unassigned and offered to one of the user's roles, in a case within their scope; or a
     * record task assigned to them by name ({@link TaskIndexQueries#recordTaskOf}) or offered to their agency.
     */
    private Query mine(KinshipUser user) {
        return TaskIndexQueries.mine(user, scope(user, Action.VIEW));
    }

    /**
     * A task of another feature's record process (form key {@code record:<kind>}, e.g. a referral's response)
     * assigned to the user by name: its recipient answers it even though the case is outside their scope. The task
     * carries no child data, and the record's own feature checks what the recipient may read.
     */
    private static boolean recordTaskOf(KinshipUser user, InboxTask task) {
        return user.id().equals(task.assignee()) && task.recordTask();
    }

    private RecordScope scope(KinshipUser user, Action action) {
        return permissions.scopeFor(user, Resource.CASE, action);
    }

    private boolean hasTeam(KinshipUser user) {
        RecordScope.Level level = permissions.scopeFor(user, Resource.CASE, Action.APPROVE).level();
        return level == RecordScope.Level.GROUP || level == RecordScope.Level.AGENCY || level == RecordScope.Level.ALL;
    }

    /** A supervisor's team: the cases their approval scope (group or agency) reaches. */
    private Query teamScope(KinshipUser user) {
        if (!hasTeam(user)) {
            throw permissions.deny(user, Resource.CASE, Action.APPROVE, null, "no_team_scope");
        }
        return TaskIndexQueries.scope(scope(user, Action.APPROVE));
    }

    private static int clamp(int limit) {
        return Math.clamp(limit, 1, MAX_LIMIT);
    }
}
