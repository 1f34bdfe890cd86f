package org.kinship.tracing.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.kinship.security.KinshipUser;
import org.kinship.security.Permission.Action;
import org.kinship.security.Permission.Resource;
import org.kinship.security.PermissionService;
import org.kinship.security.RecordScope;
import org.kinship.tracing.CandidateFilter;
import org.kinship.tracing.PersonProfile;
import org.kinship.tracing.ProfileKind;
import org.springframework.stereotype.Component;

/**
 * The candidates a user may see: cases within their {@code case:view} scope, tracing requests within their
 * {@code tracing_request:view} scope. The index is narrowed by agency and owner sets before ranking; the
 * predicate then applies the exact rule per kind. Group scopes count as "own" here (profiles carry no
 * groups): narrower, never wider.
 */
@Component
public class CandidateScopes {

    private static final String NO_AGENCY = "\u0000none";

    private final PermissionService permissions;

    CandidateScopes(PermissionService permissions) {
        this.permissions = permissions;
    }

    public CandidateFilter forUser(KinshipUser user) {
        RecordScope cases = permissions.scopeFor(user, Resource.CASE, Action.VIEW);
        RecordScope requests = permissions.scopeFor(user, Resource.TRACING_REQUEST, Action.VIEW);
        Set<String> agencies = new HashSet<>();
        Set<String> owners = new HashSet<>();
        boolean everything = cases.level() == RecordScope.Level.ALL || requests.level() == RecordScope.Level.ALL;
        if (!everything) {
            for (RecordScope scope : List.of(cases, requests)) {
                if (scope.allowsAny()) {
                    owners.add(user.id());
                }
                if (scope.level() == RecordScope.Level.AGENCY && scope.agencyCode() != null) {
                    agencies.add(scope.agencyCode());
                }
            }
            if (agencies.isEmpty() && owners.isEmpty()) {
                agencies.add(NO_AGENCY);
            }
        }
        return new CandidateFilter(agencies, owners,
                profile -> permits(profile.kind() == ProfileKind.CASE ? cases : requests, profile));
    }

    /** Whether the user may see this case (by its owner, assignees, groups and agency). */
    public boolean mayViewCase(KinshipUser user, String ownerId, List<String> assignedIds, List<String> groupIds,
            @org.jspecify.annotations.Nullable String agencyCode) {
        return permissions.scopeFor(user, Resource.CASE, Action.VIEW).permits(ownerId, assignedIds, groupIds, agencyCode);
    }

    private static boolean permits(RecordScope scope, PersonProfile profile) {
        return scope.permits(profile.ownerId(), List.of(), List.of(), profile.agencyCode());
    }
}
