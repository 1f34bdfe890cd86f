package org.kinship.referrals.internal;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.kinship.cases.CaseAccessGrant;
import org.kinship.cases.CaseAccessGrants;
import org.kinship.referrals.Referral;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.springframework.stereotype.Component;

/**
 * While a referral is in progress or accepted, its recipient (the named user, or the people of the recipient
 * agency who may view cases at all) reads the sections the referral shares, and nothing else of the case.
 */
@Component
class ReferralCaseAccessGrants implements CaseAccessGrants {

    private final MongoReferralRepository referrals;
    private final PermissionService permissions;

    ReferralCaseAccessGrants(MongoReferralRepository referrals, PermissionService permissions) {
        this.referrals = referrals;
        this.permissions = permissions;
    }

    @Override
    public Optional<CaseAccessGrant> grantFor(KinshipUser user, String caseId) {
        Set<String> sections = new LinkedHashSet<>();
        StringBuilder source = new StringBuilder();
        for (Referral referral : referrals.activeOfCase(caseId)) {
            if (referral.isRecipient(user.id(), user.agencyCode())) {
                sections.addAll(referral.sectionIds());
                source.append(source.isEmpty() ? "referral:" : ",").append(referral.id());
            }
        }
        if (source.isEmpty() || !permissions.can(user, Resource.CASE, Action.VIEW)) {
            return Optional.empty();
        }
        return Optional.of(new CaseAccessGrant(caseId, sections, source.toString()));
    }
}
