package org.kinship.audit;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the audited action ended. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditOutcome fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
