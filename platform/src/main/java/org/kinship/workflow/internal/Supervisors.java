package org.kinship.workflow.internal;

import java.util.List;

import org.kinship.cases.CaseRouting;
import org.kinship.notifications.NotificationService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.kinship.tasks.InboxTask;
import org.springframework.stereotype.Component;

/**
 * A case's supervisors: enabled users of the case's agency whose {@code case:approve} permission reaches the case
 * with a team scope (group, agency or all). They hear of approvals waiting for them and of overdue tasks; the case's
 * owner hears of the decision.
 */
@Component
class Supervisors {

    static final String TASK_OVERDUE = "task.overdue";
    static final String APPROVAL_REQUESTED = "approval.requested";

    private final UserAccountService accounts;
    private final PermissionService permissions;
    private final NotificationService notifications;

    Supervisors(UserAccountService accounts, PermissionService permissions, NotificationService notifications) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.notifications = notifications;
    }

    List<KinshipUser> of(CaseRouting routing) {
        if (routing.agencyCode() == null) {
            return List.of();
        }
        return accounts.usersOfAgency(routing.agencyCode()).stream().filter(UserAccount::enabled)
                .map(KinshipUser::of).filter(user -> {
                    RecordScope scope = permissions.scopeFor(user, Resource.CASE, Action.APPROVE);
                    return scope.level().compareTo(RecordScope.Level.GROUP) >= 0 && scope.permits(routing.ownerId(),
                            routing.assignedIds(), routing.groupIds(), routing.agencyCode());
                }).toList();
    }

    /** Notifies each supervisor once per open approval task (dedupe key: the task id), so syncing twice is harmless. */
    void approvalRequested(CaseRouting routing, String taskId, String section) {
        for (KinshipUser supervisor : of(routing)) {
            notifications.notify(APPROVAL_REQUESTED, supervisor.username(), routing.id(),
                    "notifications.approval.requested", List.of(routing.caseNumber(), section),
                    APPROVAL_REQUESTED + ":" + taskId);
        }
    }

    /** Tells the case's owner (who submitted the step) that it was approved or sent back; once per approval task. */
    void approvalDecided(InboxTask task, boolean approved) {
        if (task.ownerId() == null) {
            return;
        }
        String kind = approved ? "approval.approved" : "approval.returned";
        accounts.findById(task.ownerId()).filter(UserAccount::enabled).ifPresent(owner -> notifications.notify(kind,
                owner.username(), task.caseId(), "notifications." + kind,
                List.of(task.caseNumber() == null ? "-" : task.caseNumber(), String.valueOf(task.section())),
                "approval.decided:" + task.id()));
    }

    /** Notifies each supervisor once per overdue task (the notification's dedupe key is the task id). */
    void taskOverdue(CaseRouting routing, String taskId, String section) {
        for (KinshipUser supervisor : of(routing)) {
            notifications.notify(TASK_OVERDUE, supervisor.username(), routing.id(), "notifications.task.overdue",
                    List.of(routing.caseNumber(), section), TASK_OVERDUE + ":" + taskId);
        }
    }
}
