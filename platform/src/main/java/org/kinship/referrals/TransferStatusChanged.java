package org.kinship.referrals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A transfer or transfer request was made ({@code pending}) or moved to {@code status}; ids only. */
public record TransferStatusChanged(String transferId, String caseId, Transfer.Kind kind, String status,
        String requestedBy, String fromUserId, @Nullable String toUserId, @Nullable String toAgencyCode, String by,
        Instant at) {
}
