package org.kinship.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A referral of a case for one service, to a provider agency ({@code toUserId} absent: anyone of the agency
 * may answer) or to a specific user. The recipient reads the {@code sectionIds} of the case while the
 * referral is active. Transitions are guarded here: a transition from the wrong state is refused.
 *
 * @param consentBasis how consent allowed it: {@code consent.given} or {@code consent.overridden}
 * @param respondBy    the provider's response target from the moment of referral
 * @param processInstanceId the referral process (response task, overdue timer) once started
 */
public record Referral(
        String id,
        String caseId,
        String serviceType,
        String referralType,
        List<String> sectionIds,
        @Nullable String providerId,
        String toAgencyCode,
        @Nullable String toUserId,
        String fromUserId,
        @Nullable String fromAgencyCode,
        String serviceNeedId,
        ReferralStatus status,
        String consentBasis,
        Instant createdAt,
        Instant respondBy,
        List<StatusChange> changes,
        @Nullable String processInstanceId,
        long version) {

    public Referral {
        sectionIds = List.copyOf(sectionIds);
        changes = List.copyOf(changes);
    }

    public Referral withVersion(long newVersion) {
        return new Referral(id, caseId, serviceType, referralType, sectionIds, providerId, toAgencyCode, toUserId,
                fromUserId, fromAgencyCode, serviceNeedId, status, consentBasis, createdAt, respondBy, changes,
                processInstanceId, newVersion);
    }

    public Referral withProcess(String instanceId) {
        return new Referral(id, caseId, serviceType, referralType, sectionIds, providerId, toAgencyCode, toUserId,
                fromUserId, fromAgencyCode, serviceNeedId, status, consentBasis, createdAt, respondBy, changes,
                instanceId, version);
    }

    public Referral accept(String by, Instant at) {
        return move(ReferralStatus.IN_PROGRESS, ReferralStatus.ACCEPTED, "accept", by, at, null);
    }

    public Referral reject(String by, Instant at, String reason) {
        return move(ReferralStatus.IN_PROGRESS, ReferralStatus.REJECTED, "reject", by, at, reason);
    }

    public Referral complete(String by, Instant at) {
        return move(ReferralStatus.ACCEPTED, ReferralStatus.DONE, "done", by, at, null);
    }

    public Referral revoke(String by, Instant at, @Nullable String reason) {
        if (!status.isActive()) {
            throw ReferralRefusedException.wrongState(status.key(), "revoke");
        }
        return moved(ReferralStatus.REVOKED, by, at, reason);
    }

    /** Whether {@code userId} of {@code agencyCode} is the recipient (the named user, or the agency's people). */
    public boolean isRecipient(String userId, @Nullable String agencyCode) {
        return toUserId != null ? toUserId.equals(userId) : toAgencyCode.equals(agencyCode);
    }

    public @Nullable StatusChange last() {
        return changes.isEmpty() ? null : changes.getLast();
    }

    private Referral move(ReferralStatus from, ReferralStatus to, String action, String by, Instant at,
            @Nullable String reason) {
        if (status != from) {
            throw ReferralRefusedException.wrongState(status.key(), action);
        }
        return moved(to, by, at, reason);
    }

    private Referral moved(ReferralStatus to, String by, Instant at, @Nullable String reason) {
        List<StatusChange> next = new ArrayList<>(changes);
        next.add(new StatusChange(to.key(), by, at, reason));
        return new Referral(id, caseId, serviceType, referralType, sectionIds, providerId, toAgencyCode, toUserId,
                fromUserId, fromAgencyCode, serviceNeedId, to, consentBasis, createdAt, respondBy, next,
                processInstanceId, version);
    }
}
