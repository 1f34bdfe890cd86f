package org.kinship.reports.internal;

import org.jspecify.annotations.Nullable;
import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.springframework.stereotype.Component;

/**
 * Who may do what with reports (ADR 0012): running and saving need {@code report:view}, and the cases counted
 * are those within the user's {@code report:view} scope; exporting needs {@code report:export} or
 * {@code export:export}; importing and consolidating agencies' aggregate files needs {@code report:view} for
 * all agencies.
 */
@Component
class ReportAccess {

    private final PermissionService permissions;

    ReportAccess(PermissionService permissions) {
        this.permissions = permissions;
    }

    /** The cases the user's reports count; refuses (audited) a user without {@code report:view}. */
    RecordScope requireView(KinshipUser user, @Nullable String reportId) {
        permissions.require(user, Resource.REPORT, Action.VIEW, reportId);
        return permissions.scopeFor(user, Resource.REPORT, Action.VIEW);
    }

    boolean mayExport(KinshipUser user) {
        return permissions.can(user, Resource.REPORT, Action.EXPORT) || permissions.can(user, Resource.EXPORT, Action.EXPORT);
    }

    void requireExport(KinshipUser user, @Nullable String resourceId) {
        if (!mayExport(user)) {
            throw permissions.deny(user, Resource.REPORT, Action.EXPORT, resourceId, "missing_permission");
        }
    }

    void requireCoordination(KinshipUser user, @Nullable String resourceId) {
        permissions.requireEverywhere(user, Resource.REPORT, Action.VIEW, resourceId);
    }
}
