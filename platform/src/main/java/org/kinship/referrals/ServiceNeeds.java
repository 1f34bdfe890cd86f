package org.kinship.referrals;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.kinship.audit.AuditOutcome;
import org.kinship.cases.CaseCustody;
import org.kinship.cases.CaseFile;
import org.kinship.referrals.ReferralRefusedException.Reason;
import org.kinship.referrals.internal.MongoServiceNeedRepository;
import org.kinship.referrals.internal.ReferralSupport;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.shared.Ids;
import org.springframework.stereotype.Service;

/**
 * The services a case plan says the child needs, their state ({@code needed -> referred -> delivered}) and the
 * providers that fit the child. Reading needs the case in the user's {@code case:view} scope, recording in
 * {@code case:edit}; each step is also written to the case history.
 */
@Service
public class ServiceNeeds {

    private final MongoServiceNeedRepository needs;
    private final ServiceDirectory directory;
    private final ReferralSupport support;
    private final CaseCustody custody;
    private final Clock clock;

    ServiceNeeds(MongoServiceNeedRepository needs, ServiceDirectory directory, ReferralSupport support,
            CaseCustody custody, Clock clock) {
        this.needs = needs;
        this.directory = directory;
        this.support = support;
        this.custody = custody;
        this.clock = clock;
    }

    public ServiceNeed record(KinshipUser user, String caseId, @Nullable String service) {
        String serviceType = ReferralService.required(service, "serviceType");
        CaseFile file = support.readCase(user, caseId);
        support.requireScope(user, Action.EDIT, file, "referrals.case.forbidden");
        requireKnown(serviceType);
        ServiceNeed need = needs.insert(new ServiceNeed(Ids.newId(), caseId, serviceType, ServiceNeed.NEEDED, null,
                user.id(), clock.instant(), null, 0));
        custody.recordService(caseId, need.id(), serviceType, null, ServiceNeed.NEEDED, user.id());
        support.audit(user, "service_need.create", "case", caseId, AuditOutcome.SUCCESS,
                Map.of("need", need.id(), "service", serviceType));
        return need;
    }

    public List<ServiceNeed> ofCase(KinshipUser user, String caseId) {
        CaseFile file = support.readCase(user, caseId);
        support.requireScope(user, Action.VIEW, file, "referrals.case.forbidden");
        return needs.ofCase(caseId);
    }

    /** Providers offering the service where the child lives that accept the child, nearest first. */
    public List<ProviderSuggestion> suggestions(KinshipUser user, String caseId, String serviceType) {
        CaseFile file = support.readCase(user, caseId);
        support.requireScope(user, Action.VIEW, file, "referrals.case.forbidden");
        requireKnown(serviceType);
        return directory.suggest(serviceType, support.child(file));
    }

    /** The need a referral answers: the named one (still needed, same service), or a new one. */
    ServiceNeed forReferral(KinshipUser user, String caseId, String serviceType, @Nullable String needId) {
        if (needId == null) {
            return new ServiceNeed(Ids.newId(), caseId, serviceType, ServiceNeed.NEEDED, null, user.id(),
                    clock.instant(), null, -1);
        }
        ServiceNeed need = needs.find(needId).filter(n -> n.caseId().equals(caseId))
                .orElseThrow(() -> new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.need.unknown"));
        if (!need.serviceType().equals(serviceType) || !need.status().equals(ServiceNeed.NEEDED)) {
            throw new ReferralRefusedException(Reason.CONFLICT, "referrals.need.notOpen", need.status());
        }
        return need;
    }

    /** Stores the need's new state (a need with version -1 is new) and writes the step to the case history. */
    void moved(ServiceNeed need, String status, String referralId, String byUserId) {
        ServiceNeed next = need.with(status, referralId,
                ServiceNeed.DELIVERED.equals(status) ? clock.instant() : need.deliveredAt());
        if (need.version() < 0) {
            needs.insert(next.withVersion(0));
        } else {
            needs.replace(need.version(), next.withVersion(need.version() + 1));
        }
        custody.recordService(need.caseId(), need.id(), need.serviceType(),
                need.version() < 0 ? null : need.status(), status, byUserId);
    }

    ServiceNeed need(String id) {
        return needs.find(id).orElseThrow();
    }

    private void requireKnown(String serviceType) {
        if (!directory.isActiveServiceType(serviceType)) {
            throw new ReferralRefusedException(Reason.UNPROCESSABLE, "referrals.serviceType.unknown", serviceType);
        }
    }
}
