package org.kinship.tasks.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseNotFoundException;
import org.kinship.cases.CaseRoutingService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.tasks.InboxTask;
import org.kinship.tasks.TaskCounts;
import org.kinship.tasks.TaskFilter;
import org.kinship.tasks.TaskInboxRebuild;
import org.kinship.tasks.TaskInboxService;
import org.kinship.tasks.TaskWorkService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/tasks}: the inbox ({@code assignee=me} (default) or {@code team=true}, {@code state=overdue|due|
 * upcoming}), counts, one task, and the work: complete, approve, reject (with a comment). Errors are problem+json
 * ({@code WorkflowProblemHandler}); a task outside the user's scope answers 404.
 */
@RestController
class TaskController {

    private final TaskInboxService inbox;
    private final TaskWorkService work;
    private final TaskInboxRebuild rebuild;
    private final TaskIndexer indexer;
    private final PermissionService permissions;
    private final CaseRoutingService routing;

    TaskController(TaskInboxService inbox, TaskWorkService work, TaskInboxRebuild rebuild, TaskIndexer indexer,
            PermissionService permissions, CaseRoutingService routing) {
        this.routing = routing;
        this.inbox = inbox;
        this.work = work;
        this.rebuild = rebuild;
        this.indexer = indexer;
        this.permissions = permissions;
    }

    record Completion(@Nullable Map<String, Object> variables) {
    }

    record Decision(@Nullable String comment) {
    }

    @GetMapping("/api/v1/tasks")
    List<InboxTask> list(@AuthenticationPrincipal KinshipUser user,
            @RequestParam(defaultValue = "me") String assignee, @RequestParam(defaultValue = "false") boolean team,
            @RequestParam(required = false) @Nullable String state, @RequestParam(defaultValue = "100") int limit) {
        if (!team && !"me".equals(assignee)) {
            throw new IllegalArgumentException("assignee");
        }
        TaskFilter filter = TaskFilter.parse(state == null ? "" : state);
        return team ? inbox.teamTasks(user, filter, limit) : inbox.myTasks(user, filter, limit);
    }

    @GetMapping("/api/v1/tasks/counts")
    TaskCounts counts(@AuthenticationPrincipal KinshipUser user) {
        return inbox.counts(user);
    }

    @GetMapping("/api/v1/tasks/{id}")
    InboxTask get(@AuthenticationPrincipal KinshipUser user, @PathVariable String id) {
        return inbox.get(user, id);
    }

    /** The open tasks of a case; a case outside the user's scope answers 404 like the case itself. */
    @GetMapping("/api/v1/cases/{caseId}/tasks")
    List<InboxTask> ofCase(@AuthenticationPrincipal KinshipUser user, @PathVariable String caseId) {
        RecordScope scope = permissions.scopeFor(user, Resource.CASE, Action.VIEW);
        routing.find(caseId).filter(c -> scope.permits(c.ownerId(), c.assignedIds(), c.groupIds(), c.agencyCode()))
                .orElseThrow(() -> new CaseNotFoundException(caseId));
        return inbox.caseTasks(user, caseId);
    }

    @PostMapping("/api/v1/tasks/{id}/complete")
    InboxTask complete(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable Completion body, Locale locale) {
        return work.complete(user, id, body == null || body.variables() == null ? Map.of() : body.variables(),
                locale);
    }

    @PostMapping("/api/v1/tasks/{id}/approve")
    InboxTask approve(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable Decision body) {
        return work.approve(user, id, body == null ? null : body.comment());
    }

    @PostMapping("/api/v1/tasks/{id}/reject")
    InboxTask reject(@AuthenticationPrincipal KinshipUser user, @PathVariable String id,
            @RequestBody(required = false) @Nullable Decision body) {
        return work.reject(user, id, body == null || body.comment() == null ? "" : body.comment());
    }

    @PostMapping("/api/v1/tasks/rebuild")
    Map<String, Long> rebuild(@AuthenticationPrincipal KinshipUser user) {
        permissions.requireEverywhere(user, Resource.WORKFLOW, Action.MANAGE, null);
        long open = rebuild.rebuild();
        // the projection is in step with the engine; the inbox index is then rebuilt from it
        return Map.of("openTasks", open, "indexedTasks", indexer.rebuild());
    }
}
