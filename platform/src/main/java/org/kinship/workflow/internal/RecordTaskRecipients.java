package org.kinship.workflow.internal;

import java.util.List;
import java.util.Objects;

import org.flowable.identitylink.api.IdentityLinkInfo;
import org.flowable.identitylink.api.IdentityLinkType;
import org.flowable.task.api.Task;
import org.kinship.cases.CaseRouting;
import org.kinship.notifications.NotificationService;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.kinship.tasks.InboxTask;
import org.springframework.stereotype.Component;

/**
 * Who owes the answer to a record task (form key {@code record:<kind>}, e.g. a referral's response): its assignee,
 * or, while unassigned, the enabled users of each agency it is offered to ({@code agency:<code>}) who may view
 * cases. They are outside the case's scope, so the case's supervisors are not them; both hear of an overdue task.
 */
@Component
class RecordTaskRecipients {

    private final UserAccountService accounts;
    private final PermissionService permissions;
    private final NotificationService notifications;

    RecordTaskRecipients(UserAccountService accounts, PermissionService permissions,
            NotificationService notifications) {
        this.accounts = accounts;
        this.permissions = permissions;
        this.notifications = notifications;
    }

    /** The task was loaded with its identity links. */
    List<UserAccount> of(Task task) {
        if (task.getFormKey() == null || !task.getFormKey().startsWith(TaskForms.RECORD_PREFIX)) {
            return List.of();
        }
        if (task.getAssignee() != null) {
            return accounts.findById(task.getAssignee()).filter(UserAccount::enabled).stream().toList();
        }
        return task.getIdentityLinks().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLinkInfo::getGroupId).filter(Objects::nonNull)
                .filter(group -> group.startsWith(InboxTask.AGENCY_CANDIDATE_PREFIX))
                .map(group -> group.substring(InboxTask.AGENCY_CANDIDATE_PREFIX.length())).distinct()
                .flatMap(agency -> accounts.usersOfAgency(agency).stream()).filter(UserAccount::enabled)
                .filter(user -> permissions.can(KinshipUser.of(user), Resource.CASE, Action.VIEW))
                .distinct().toList();
    }

    /** Notifies each of them once per overdue task (case number only, no child data). */
    void overdue(CaseRouting routing, Task task) {
        for (UserAccount user : of(task)) {
            notifications.notify(Supervisors.TASK_OVERDUE, user.username(), routing.id(),
                    "notifications.record.overdue", List.of(routing.caseNumber()),
                    Supervisors.TASK_OVERDUE + ":" + task.getId());
        }
    }
}
