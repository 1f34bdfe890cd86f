package org.kinship.referrals;

import org.jspecify.annotations.Nullable;

/** Offering a case to a user ({@code toUser}: id or user name) or to an agency; a note; a consent override reason. */
public record TransferRequest(@Nullable String toUser, @Nullable String toAgencyCode, @Nullable String note,
        @Nullable String consentOverrideReason) {
}
