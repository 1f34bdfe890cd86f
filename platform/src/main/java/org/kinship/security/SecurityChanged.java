package org.kinship.security;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An administrator changed who may do what ({@code permission.change}: roles, groups, a user's roles or agency)
 * or the set-up ({@code config.change}: agencies, accounts). Published for the audit log; {@code details}
 * carries ids and field names only. {@code actorId} is null for the system (start-up migrations).
 */
public record SecurityChanged(@Nullable String actorId, String actorName, String action, String resourceType,
        String resourceId, Map<String, String> details) {

    public static final String PERMISSION_CHANGE = "permission.change";
    public static final String CONFIG_CHANGE = "config.change";

    public SecurityChanged {
        details = Map.copyOf(details);
    }
}
