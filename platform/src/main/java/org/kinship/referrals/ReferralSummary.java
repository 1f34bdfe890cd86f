package org.kinship.referrals;

import java.util.Map;

/**
 * The dashboard tile of a user's referrals: how many received (by them or their agency) and sent are in each
 * state, and how many responses are overdue (still in progress after the response deadline).
 */
public record ReferralSummary(Map<ReferralStatus, Long> received, Map<ReferralStatus, Long> sent,
        long overdueReceived, long overdueSent) {

    public ReferralSummary {
        received = Map.copyOf(received);
        sent = Map.copyOf(sent);
    }
}
