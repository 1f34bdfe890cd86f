package org.kinship.referrals;

import org.jspecify.annotations.Nullable;

/**
 * A worker's referral: the service, the referral type (which sections are shared), the provider and/or the user
 * it goes to, the case plan's need it answers, and, without consent, the reason for overriding it.
 */
public record ReferralRequest(@Nullable String serviceType, @Nullable String referralType,
        @Nullable String providerId, @Nullable String toUser, @Nullable String serviceNeedId,
        @Nullable String consentOverrideReason) {
}
