package org.kinship.tasks.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
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
 * Inbox queries on the projection. The user's case scope becomes part of the MongoDB filter
 * ({@link RecordScope#toMongoFilter} on the case fields copied onto each task), so a task of a case the user
 * may not see is never read.
 */
@Service
class MongoTaskInboxService implements TaskInboxService {

    static final int MAX_LIMIT = 500;

    private final MongoTaskRepository tasks;
    private final PermissionService permissions;
    private final Clock clock;

    MongoTaskInboxService(MongoTaskRepository tasks, PermissionService permissions, Clock clock) {
        this.tasks = tasks;
        this.permissions = permissions;
        this.clock = clock;
    }

    @Override
    public List<InboxTask> myTasks(KinshipUser user, TaskFilter filter, int limit) {
        return tasks.list(Filters.and(MongoTaskRepository.open(), mine(user), filter(filter)), clamp(limit));
    }

    @Override
    public List<InboxTask> teamTasks(KinshipUser user, TaskFilter filter, int limit) {
        return tasks.list(Filters.and(MongoTaskRepository.open(), teamScope(user), filter(filter)), clamp(limit));
    }

    @Override
    public List<InboxTask> caseTasks(KinshipUser user, String caseId) {
        return tasks.list(Filters.and(Filters.eq("caseId", caseId), MongoTaskRepository.open(),
                scope(user, Action.VIEW)), MAX_LIMIT);
    }

    @Override
    public TaskCounts counts(KinshipUser user) {
        // one read of the user's open tasks (two fields each) instead of one count per filter
        Instant now = clock.instant();
        Instant endOfDay = endOfDay(now);
        long open = 0;
        long overdue = 0;
        long dueToday = 0;
        for (MongoTaskRepository.DueState task : tasks.dueStates(Filters.and(MongoTaskRepository.open(), mine(user)))) {
            open++;
            if (task.overdue() || task.dueSort().isBefore(now)) {
                overdue++;
            } else if (task.dueSort().isBefore(endOfDay)) {
                dueToday++;
            }
        }
        long teamOverdue = hasTeam(user)
                ? tasks.count(Filters.and(MongoTaskRepository.open(), teamScope(user), filter(TaskFilter.OVERDUE)))
                : 0;
        return new TaskCounts(open, overdue, dueToday, open - overdue - dueToday, teamOverdue);
    }

    private static Instant endOfDay(Instant now) {
        return now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public InboxTask get(KinshipUser user, String taskId) {
        return tasks.find(Filters.and(Filters.eq("_id", taskId),
                Filters.or(recordTaskOf(user), scope(user, Action.VIEW))))
                .orElseThrow(() -> new TaskNotFoundException(taskId));
    }

    /**
     * Assigned to the user, or unassigned and offered to one of the user's roles, in a case within their scope; or a
     * record task assigned to them by name ({@link #recordTaskOf}).
     */
    private Bson mine(KinshipUser user) {
        return Filters.or(recordTaskOf(user), Filters.and(Filters.or(Filters.eq("assignee", user.id()),
                Filters.and(Filters.eq("assignee", null),
                        Filters.in("candidateRoles", user.roles().stream().sorted().toList()))),
                scope(user, Action.VIEW)));
    }

    /**
     * A task of another feature's record process (form key {@code record:<kind>}, e.g. a referral's response)
     * assigned to the user by name: its recipient answers it even though the case is outside their scope. The task
     * carries no child data, and the record's own feature checks what the recipient may read.
     */
    private static Bson recordTaskOf(KinshipUser user) {
        return Filters.and(Filters.eq("assignee", user.id()), Filters.regex("formKey", "^record:"));
    }

    private Bson scope(KinshipUser user, Action action) {
        return permissions.scopeFor(user, Resource.CASE, action)
                .toMongoFilter("ownerId", "assignedIds", "groupIds", "agencyCode");
    }

    private boolean hasTeam(KinshipUser user) {
        RecordScope.Level level = permissions.scopeFor(user, Resource.CASE, Action.APPROVE).level();
        return level == RecordScope.Level.GROUP || level == RecordScope.Level.AGENCY || level == RecordScope.Level.ALL;
    }

    /** A supervisor's team: the cases their approval scope (group or agency) reaches. */
    private Bson teamScope(KinshipUser user) {
        if (!hasTeam(user)) {
            throw permissions.deny(user, Resource.CASE, Action.APPROVE, null, "no_team_scope");
        }
        return scope(user, Action.APPROVE);
    }

    private Bson filter(TaskFilter filter) {
        Instant now = clock.instant();
        Date nowDate = Date.from(now);
        Date endOfDay = Date.from(endOfDay(now));
        Bson notOverdue = Filters.and(Filters.eq("overdue", false), Filters.gte("dueSort", nowDate));
        return switch (filter) {
            case ALL -> Filters.empty();
            case OVERDUE -> Filters.or(Filters.eq("overdue", true), Filters.lt("dueSort", nowDate));
            case DUE_TODAY -> Filters.and(notOverdue, Filters.lt("dueSort", endOfDay));
            case UPCOMING -> Filters.and(notOverdue, Filters.gte("dueSort", endOfDay));
        };
    }

    private static int clamp(int limit) {
        return Math.clamp(limit, 1, MAX_LIMIT);
    }
}
