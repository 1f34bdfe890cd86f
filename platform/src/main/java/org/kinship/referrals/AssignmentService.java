package org.kinship.referrals;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseCustody;
import org.kinship.cases.CaseFile;
import org.kinship.referrals.ReferralRefusedException.Reason;
import org.kinship.referrals.internal.ReferralSupport;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.RecordScope;
import org.kinship.security.UserAccount;
import org.kinship.security.UserGroupService;
import org.springframework.stereotype.Service;

/**
 * A supervisor (re)assigns cases to a worker of their agency (or, with a group scope, of their team): needs
 * {@code case:assign} reaching every case. All cases are checked before any is changed; the case stays in its
 * agency, the new worker becomes its owner.
 */
@Service
public class AssignmentService {

    static final int MAX_CASES = 200;

    private final ReferralSupport support;
    private final CaseCustody custody;
    private final UserGroupService groups;

    AssignmentService(ReferralSupport support, CaseCustody custody, UserGroupService groups) {
        this.support = support;
        this.custody = custody;
        this.groups = groups;
    }

    public List<Assignment> assign(KinshipUser user, List<String> caseIds, @Nullable String toUser) {
        if (caseIds.isEmpty() || caseIds.size() > MAX_CASES) {
            throw new ReferralRefusedException(Reason.BAD_REQUEST, "referrals.assign.count", MAX_CASES);
        }
        UserAccount worker = support.user(ReferralService.required(toUser, "to"));
        RecordScope scope = support.scope(user, Action.ASSIGN);
        if (!scope.allowsAny()) {
            throw support.deny(user, Action.ASSIGN, null, "referrals.assign.forbidden");
        }
        if (!withinTeam(user, scope, worker)) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.assign.outsideTeam",
                    worker.username());
        }
        if (!support.mayViewCases(KinshipUser.of(worker))) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.user.noCaseRole", worker.username());
        }
        List<CaseFile> files = new ArrayList<>();
        for (String caseId : new LinkedHashSet<>(caseIds)) {
            CaseFile file = support.readCase(user, caseId);
            support.requireScope(user, Action.ASSIGN, file, "referrals.assign.forbidden");
            if (!file.isOpen()) {
                throw new ReferralRefusedException(Reason.CONFLICT, "referrals.case.closed");
            }
            files.add(file);
        }
        List<Assignment> done = new ArrayList<>();
        for (CaseFile file : files) {
            CaseFile after = custody.changeOwner(file.id(), worker.id(), file.agencyCode(),
                    CaseCustody.OwnerChange.ASSIGNMENT, user.id());
            support.audit(user, "case.assign", "case", file.id(), AuditOutcome.SUCCESS,
                    Map.of("to", worker.id(), "version", String.valueOf(after.version())));
            done.add(new Assignment(after.id(), after.ownerId(), after.version()));
        }
        return done;
    }

    private boolean withinTeam(KinshipUser user, RecordScope scope, UserAccount worker) {
        return switch (scope.level()) {
            case NONE -> false;
            case ALL -> true;
            case AGENCY -> Objects.equals(worker.agencyCode(), user.agencyCode());
            case GROUP -> groups.groupsOf(worker.id()).stream().anyMatch(g -> scope.groupIds().contains(g.id()));
            case OWN -> worker.id().equals(user.id());
        };
    }
}
