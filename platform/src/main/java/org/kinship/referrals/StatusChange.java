package org.kinship.referrals;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** One step of a referral's or transfer's life: the state it reached, who moved it, when and why. */
public record StatusChange(String status, String byUserId, Instant at, @Nullable String reason) {
}
