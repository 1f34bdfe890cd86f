package org.kinship.security;

/**
 * Thrown when a user may not do what they asked. The REST layer answers 403 problem+json; the refusal has
 * already been published as {@link AccessDenied} (hence audited) when this is created by
 * {@link PermissionService#deny}.
 */
public class PermissionDeniedException extends RuntimeException {

    private final String reason;

    public PermissionDeniedException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
