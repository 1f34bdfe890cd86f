package org.kinship.cases;

import java.util.Optional;

import org.kinship.security.KinshipUser;

/**
 * Extension point: other features grant a user read access to parts of a case outside the user's scope (the
 * referrals feature while a referral to the user or their agency is active). The case feature asks every
 * bean of this type when a case is outside the reader's {@link CaseAccessPolicy} scope; without a grant the
 * case stays "not found".
 */
public interface CaseAccessGrants {

    /** The grant {@code user} holds on the case now, if any. */
    Optional<CaseAccessGrant> grantFor(KinshipUser user, String caseId);
}
