package org.kinship.referrals.internal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.kinship.cases.CaseRouting;
import org.kinship.cases.CaseRoutingService;
import org.kinship.notifications.NotificationService;
import org.kinship.referrals.ReferralStatusChanged;
import org.kinship.referrals.Transfer;
import org.kinship.referrals.TransferStatusChanged;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.KinshipUser;
import org.kinship.security.UserAccount;
import org.kinship.security.UserAccountService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The bell for referrals and transfers: the recipient (the named user, or the case staff of the recipient agency)
 * hears of a new referral or transfer and of a revocation; whoever asked hears the answer. Messages carry the case
 * number and the service code, never child data; one notification per event and person.
 */
@Component
class ReferralNotifications {

    private final NotificationService notifications;
    private final UserAccountService accounts;
    private final PermissionService permissions;
    private final CaseRoutingService cases;

    ReferralNotifications(NotificationService notifications, UserAccountService accounts,
            PermissionService permissions, CaseRoutingService cases) {
        this.notifications = notifications;
        this.accounts = accounts;
        this.permissions = permissions;
        this.cases = cases;
    }

    @EventListener
    void on(ReferralStatusChanged event) {
        String caseNumber = caseNumber(event.caseId());
        Stream<UserAccount> to = switch (event.status()) {
            case "in_progress", "revoked" -> recipients(event.toUserId(), event.toAgencyCode());
            default -> users(event.fromUserId());
        };
        String kind = "referral." + event.status();
        to.filter(user -> !user.id().equals(event.by())).forEach(user -> notifications.notify(kind, user.username(),
                event.caseId(), "notifications.referral." + event.status(), List.of(caseNumber),
                kind + ":" + event.referralId()));
    }

    @EventListener
    void on(TransferStatusChanged event) {
        String caseNumber = caseNumber(event.caseId());
        boolean request = event.kind() == Transfer.Kind.REQUEST;
        Stream<UserAccount> to = switch (event.status()) {
            case "pending", "revoked" -> request ? users(event.fromUserId())
                    : recipients(event.toUserId(), event.toAgencyCode());
            default -> users(event.requestedBy());
        };
        String kind = (request ? "transfer_request." : "transfer.") + event.status();
        to.filter(user -> !user.id().equals(event.by())).forEach(user -> notifications.notify(kind, user.username(),
                event.caseId(), "notifications." + kind, List.of(caseNumber), kind + ":" + event.transferId()));
    }

    private Stream<UserAccount> recipients(@Nullable String userId, @Nullable String agencyCode) {
        if (userId != null) {
            return users(userId);
        }
        if (agencyCode == null) {
            return Stream.empty();
        }
        Collection<UserAccount> staff = accounts.usersOfAgency(agencyCode);
        return staff.stream().filter(UserAccount::enabled)
                .filter(user -> permissions.can(KinshipUser.of(user), Resource.CASE, Action.VIEW));
    }

    private Stream<UserAccount> users(@Nullable String userId) {
        return userId == null ? Stream.empty() : accounts.findById(userId).filter(UserAccount::enabled).stream();
    }

    private String caseNumber(String caseId) {
        return cases.find(caseId).map(CaseRouting::caseNumber).filter(Objects::nonNull).orElse("-");
    }
}
