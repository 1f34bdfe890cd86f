package org.kinship.cases;

import org.kinship.security.KinshipUser;
import org.kinship.security.RecordScope;

/**
 * Port: which cases a user may reach and what they may do with them. Reads outside the scope answer "not
 * found", never "forbidden", so that case ids reveal nothing. The security feature's adapter answers
 * {@code PermissionService.scopeFor(user, Resource.CASE, action)}, the same {@link RecordScope} every feature uses.
 * The default: administrators reach every case, supervisors their agency's, case workers the cases they own
 * or are assigned; every other role none.
 */
public interface CaseAccessPolicy {

    RecordScope scopeFor(KinshipUser user, CaseAction action);

    /** Whether the user may do the action on this case (in scope, and the action allowed). */
    default boolean may(KinshipUser user, CaseAction action, CaseFile file) {
        return scopeFor(user, action).permits(file.ownerId(), file.assignedIds(), file.groupIds(), file.agencyCode());
    }
}
