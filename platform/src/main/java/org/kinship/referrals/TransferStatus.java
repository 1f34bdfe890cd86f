package org.kinship.referrals;

import java.util.Locale;

/** {@code PENDING -> ACCEPTED}, or {@code REJECTED} (with a reason), or {@code REVOKED} by whoever asked. */
public enum TransferStatus {
    PENDING, ACCEPTED, REJECTED, REVOKED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
