package org.kinship.referrals;

import java.util.Locale;

/** {@code IN_PROGRESS -> ACCEPTED -> DONE}, or {@code REJECTED} (with a reason), or {@code REVOKED} by the sender. */
public enum ReferralStatus {
    IN_PROGRESS, ACCEPTED, DONE, REJECTED, REVOKED;

    /** While active the recipient reads the shared sections. */
    public boolean isActive() {
        return this == IN_PROGRESS || this == ACCEPTED;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
