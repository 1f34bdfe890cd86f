package org.kinship.referrals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A referral was made ({@code in_progress}) or moved to {@code status}; ids only, never child data. Published after
 * the change is stored (notifications, the recipient's response task).
 */
public record ReferralStatusChanged(String referralId, String caseId, String status, String fromUserId,
        String toAgencyCode, @Nullable String toUserId, Instant respondBy, String by, Instant at) {
}
