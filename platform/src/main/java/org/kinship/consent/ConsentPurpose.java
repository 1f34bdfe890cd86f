package org.kinship.consent;

import java.util.Locale;

/** What the child (or caregiver) consents to. */
public enum ConsentPurpose {
    /** Receiving services (assessment, case plan, referrals to service providers). */
    SERVICES,
    /** Sharing the record with other agencies (referral, transfer, case packages). */
    SHARING,
    /** Tracing and family reunification (matching with tracing requests). */
    TRACING,
    /** Use in (de-identified) reports. */
    REPORTING;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
