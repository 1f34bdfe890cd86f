package org.kinship.referrals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A service the case plan says the child needs; it is {@code needed}, then {@code referred} (with the referral),
 * then {@code delivered} when that referral is done. Each step is also an entry of the case history.
 */
public record ServiceNeed(String id, String caseId, String serviceType, String status, @Nullable String referralId,
        String recordedBy, Instant recordedAt, @Nullable Instant deliveredAt, long version) {

    public static final String NEEDED = "needed";
    public static final String REFERRED = "referred";
    public static final String DELIVERED = "delivered";

    public ServiceNeed withVersion(long newVersion) {
        return new ServiceNeed(id, caseId, serviceType, status, referralId, recordedBy, recordedAt, deliveredAt,
                newVersion);
    }

    public ServiceNeed with(String newStatus, @Nullable String newReferralId, @Nullable Instant delivered) {
        return new ServiceNeed(id, caseId, serviceType, newStatus, newReferralId, recordedBy, recordedAt, delivered,
                version);
    }
}
