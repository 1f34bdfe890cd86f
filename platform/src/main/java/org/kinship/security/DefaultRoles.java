package org.kinship.security;

import java.util.List;

/** The roles every installation starts with. Role names are stable identifiers, labels are translated. */
public final class DefaultRoles {

    public static final String ADMINISTRATOR = "administrator";
    public static final String SUPERVISOR = "supervisor";
    public static final String CASE_WORKER = "case_worker";
    public static final String REFERRAL_RECIPIENT = "referral_recipient";
    public static final String DATA_ANALYST = "data_analyst";
    /** Manages the user accounts of their own agency only (permission {@code user:manage:agency}). */
    public static final String AGENCY_ADMINISTRATOR = "agency_administrator";

    public static final List<String> ALL = List.of(ADMINISTRATOR, SUPERVISOR, CASE_WORKER, REFERRAL_RECIPIENT,
            DATA_ANALYST, AGENCY_ADMINISTRATOR);

    private DefaultRoles() {
    }

    /** The Spring Security authority of a role. */
    public static String authority(String role) {
        return "ROLE_" + role.toUpperCase(java.util.Locale.ROOT);
    }
}
