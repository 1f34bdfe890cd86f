package org.kinship.referrals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The whole case moving to another worker or agency on acceptance. A {@code TRANSFER} is offered by the owner's
 * side to {@code toUserId} (or to anyone of {@code toAgencyCode}); a {@code REQUEST} is a worker
 * ({@code toUserId}) asking the owner's side for the case. {@code requestedBy} may revoke it; the other side
 * accepts or rejects. Rejected or revoked leaves the case where it was.
 */
public record Transfer(
        String id,
        String caseId,
        Kind kind,
        String requestedBy,
        String fromUserId,
        @Nullable String fromAgencyCode,
        @Nullable String toUserId,
        @Nullable String toAgencyCode,
        TransferStatus status,
        @Nullable String note,
        Instant createdAt,
        List<StatusChange> changes,
        long version) {

    /** Offered by the owner's side, or asked for by the future owner. */
    public enum Kind {
        TRANSFER, REQUEST
    }

    public Transfer {
        changes = List.copyOf(changes);
    }

    public Transfer withVersion(long newVersion) {
        return new Transfer(id, caseId, kind, requestedBy, fromUserId, fromAgencyCode, toUserId, toAgencyCode, status,
                note, createdAt, changes, newVersion);
    }

    public Transfer accept(String by, Instant at) {
        return move("accept", TransferStatus.ACCEPTED, by, at, null);
    }

    public Transfer reject(String by, Instant at, String reason) {
        return move("reject", TransferStatus.REJECTED, by, at, reason);
    }

    public Transfer revoke(String by, Instant at, @Nullable String reason) {
        return move("revoke", TransferStatus.REVOKED, by, at, reason);
    }

    private Transfer move(String action, TransferStatus to, String by, Instant at, @Nullable String reason) {
        if (status != TransferStatus.PENDING) {
            throw ReferralRefusedException.wrongState(status.key(), action);
        }
        List<StatusChange> next = new ArrayList<>(changes);
        next.add(new StatusChange(to.key(), by, at, reason));
        return new Transfer(id, caseId, kind, requestedBy, fromUserId, fromAgencyCode, toUserId, toAgencyCode, to,
                note, createdAt, next, version);
    }
}
