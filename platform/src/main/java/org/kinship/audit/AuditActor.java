package org.kinship.audit;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;

/**
 * Who did it: a user (id and user name), a name that did not sign in (id absent, e.g. a failed sign-in), or
 * the system itself.
 */
public record AuditActor(@Nullable String id, String username) {

    public static final AuditActor SYSTEM = new AuditActor(null, "system");

    public static AuditActor of(KinshipUser user) {
        return new AuditActor(user.id(), user.username());
    }
}
