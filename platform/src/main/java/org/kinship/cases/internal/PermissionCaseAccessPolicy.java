package org.kinship.cases.internal;

import org.kinship.cases.CaseAccessPolicy;
import org.kinship.cases.CaseAction;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.springframework.stereotype.Component;

/**
 * Case access from the roles' permissions ({@code case:view:own}, {@code case:edit:agency}...) as administrators
 * configure them: the security feature's record scope becomes, level by level, the case scope that the
 * repository and the search index turn into query filters. It replaces the role-based default of
 * {@code CasesConfiguration}.
 */
@Component
class PermissionCaseAccessPolicy implements CaseAccessPolicy {

    private final PermissionService permissions;

    PermissionCaseAccessPolicy(PermissionService permissions) {
        this.permissions = permissions;
    }

    @Override
    public RecordScope scopeFor(KinshipUser user, CaseAction action) {
        return permissions.scopeFor(user, Resource.CASE, Action.valueOf(action.name()));
    }
}
